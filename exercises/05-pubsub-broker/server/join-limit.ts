/**
 * Joins one client address may make per minute. A class of 200 behind one NAT address all get in; a script
 * joining in a loop stops here instead of pushing every real session out (MAX_SESSIONS).
 */
export const JOINS_PER_MINUTE = 300;
const WINDOW_MS = 60_000;

/**
 * Counts joins per address in fixed one-minute windows. All counts are dropped when a window ends, so memory
 * stays bounded by the addresses of one minute, and no timer runs.
 */
export class JoinLimit {
  readonly #perMinute: number;
  readonly #now: () => number;
  readonly #counts = new Map<string, number>();
  #windowEndsAt = 0;

  constructor(perMinute = JOINS_PER_MINUTE, now: () => number = Date.now) {
    this.#perMinute = perMinute;
    this.#now = now;
  }

  /** Counts one join of `address`: 0 when it may join, else the whole seconds until it may try again. */
  take(address: string): number {
    const now = this.#now();
    if (now >= this.#windowEndsAt) {
      this.#counts.clear();
      this.#windowEndsAt = now + WINDOW_MS;
    }
    const count = (this.#counts.get(address) ?? 0) + 1;
    this.#counts.set(address, count);
    if (count <= this.#perMinute) return 0;
    return Math.max(1, Math.ceil((this.#windowEndsAt - now) / 1000));
  }
}
