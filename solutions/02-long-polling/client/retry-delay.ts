/** The first retry after a failure waits up to this long. */
export const FIRST_RETRY_MS = 1_000;
/** No retry waits longer than this, however often it failed. */
export const MAX_RETRY_MS = 30_000;

/**
 * How long to wait before the next try after `failuresInARow` failed requests (1, 2, 3, …): the delay
 * doubles from 1 s up to 30 s (exponential backoff), and a random part of it (jitter) keeps a room full of
 * pages from all coming back in the same millisecond after their server restarted.
 */
export function retryDelay(failuresInARow: number, random: () => number = Math.random): number {
  const doubled = FIRST_RETRY_MS * 2 ** Math.max(0, failuresInARow - 1);
  const capped = Math.min(doubled, MAX_RETRY_MS);
  // "Equal jitter": somewhere between half and all of the capped delay.
  const half = capped / 2;
  return Math.round(half + random() * half);
}
