// When is a started server ready? When it answers HTTP at all, whatever the status: then it listens.

/** Resolves true once `url` answers (any status), false when `boundMs` passed first or `stopped()` says so. */
export async function waitUntilAnswering(
  url: string,
  { boundMs, stopped = () => false }: { boundMs: number; stopped?: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline && !stopped()) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return true;
    } catch {
      // Not listening yet: look again shortly.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return false;
}
