// The fault suite's two sizes: a short one for every CI run (`pnpm test:faults`), and a soak behind
// FAULTS_SOAK=1 that repeats the churn 10,000 times per server.
export const SOAK = process.env.FAULTS_SOAK === '1';

/** Streams opened and dropped per server. */
export const CHURN_COUNT = SOAK ? 10_000 : 300;
/** Streams open at once while churning: below the poll server's 250 per address. */
export const CHURN_PARALLEL = 50;
/**
 * Growth of a server's resident memory all attacks together may leave behind: a warm V8 heap is larger than
 * a fresh one (about 40 MB after 10,000 connections, flat from there), so the soak allows more.
 */
export const MAX_RSS_GROWTH_BYTES = (SOAK ? 128 : 64) * 1024 * 1024;
/** Per check: the soak takes minutes, the short form seconds. */
export const CHECK_TIMEOUT_MS = SOAK ? 600_000 : 30_000;

/** Resolves once `read()` returns `expected`; fails with the last value after `timeoutMs`. */
export async function settlesAt<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}
