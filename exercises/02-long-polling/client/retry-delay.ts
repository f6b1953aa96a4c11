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
  // 🐨 TODO 1.5: double FIRST_RETRY_MS with each failure in a row (1 failure → 1 s, 2 → 2 s, 3 → 4 s, …),
  //    but never beyond MAX_RETRY_MS. Then add jitter: return half of that delay plus random() times the
  //    other half, rounded. `pnpm test` in this folder checks it (client/retry-delay.test.ts).
  return FIRST_RETRY_MS;
}
