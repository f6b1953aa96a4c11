/** The first reconnect waits about this long. */
export const FIRST_DELAY_MS = 1_000;
/** No reconnect waits longer than this. */
export const MAX_DELAY_MS = 30_000;

/**
 * Exponential backoff with jitter: how long to wait before each reconnect attempt. The delay doubles after
 * every failed attempt (about 1 s, 2 s, 4 s … at most 30 s), so a server that is down is not hammered. The
 * random part spreads out the pages that lost their connection at the same moment, so they do not all come
 * back in the same millisecond when the server restarts.
 */
export class ReconnectBackoff {
  readonly #random: () => number;
  #failedAttempts = 0;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** Counts one more failed attempt and says how long to wait before the next one (milliseconds). */
  nextDelay(): number {
    this.#failedAttempts += 1;
    return backoffDelay(this.#failedAttempts, this.#random);
  }

  /** The connection is open again: the next failure starts over with the shortest delay. */
  reset(): void {
    this.#failedAttempts = 0;
  }
}

/** The wait before attempt number `attempt` (1, 2, 3, …): between half and all of 1 s × 2^(attempt − 1). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new TypeError(`attempt must be a positive integer, got ${attempt}`);
  }
  const exponential = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
  // "Equal jitter": half of the delay for sure, the other half at random.
  const half = exponential / 2;
  return Math.round(half + random() * half);
}
