// How long the poll loop waits: the interval, after failures, and after a 429. Pure functions, unit-tested.

/** 5 s, as on the slide. */
export const DEFAULT_INTERVAL_MS = 5_000;
/** Polling faster than this costs a lot and shows nothing more; a smaller `?interval=` is raised to it. */
export const MIN_INTERVAL_MS = 250;
/** An hour; a larger `?interval=` is lowered to it. */
export const MAX_INTERVAL_MS = 3_600_000;
/** However often polls fail in a row, the next try comes within 30 s (unless the interval is longer). */
export const MAX_RETRY_DELAY_MS = 30_000;
/**
 * A server may ask for a longer pause, but the page checks back within an hour. Also, setTimeout takes at
 * most 2³¹−1 ms (24.8 days): a longer delay overflows and fires at once, so the page would poll in a loop.
 */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * The poll interval from the page's address, e.g. `?interval=1000` for every second, so that a demo or a
 * test can poll faster without editing code. Missing: 5 s. Outside 250 ms to 1 h: moved to the nearest limit.
 */
export function readPollInterval(search: string): number {
  const text = new URLSearchParams(search).get('interval');
  if (text === null || text.trim() === '') return DEFAULT_INTERVAL_MS;
  const value = Number(text);
  if (!Number.isInteger(value)) {
    console.warn(`?interval=${text} is not a whole number of milliseconds; polling every 5 s instead.`);
    return DEFAULT_INTERVAL_MS;
  }
  const clamped = Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, value));
  if (clamped !== value) {
    console.warn(`?interval=${text} is outside 250 ms to 1 h; polling every ${clamped} ms instead.`);
  }
  return clamped;
}

/**
 * How long to wait after the n-th failed poll in a row: the interval doubled per failure (2×, 4×, 8×, …),
 * at most 30 s, then "equal jitter": somewhere between half and all of it, so that pages that failed
 * together (a server restart) do not all come back in the same instant.
 */
export function retryDelayMs(failuresInARow: number, intervalMs: number, random = Math.random): number {
  const doubled = intervalMs * 2 ** Math.max(1, failuresInARow);
  const capped = Math.min(doubled, Math.max(intervalMs, MAX_RETRY_DELAY_MS));
  const half = capped / 2;
  return Math.round(half + random() * half);
}

/**
 * Milliseconds a `Retry-After` header asks us to wait: whole seconds (`"120"`) or an HTTP date
 * (`"Wed, 21 Oct 2026 07:28:00 GMT"`), at most an hour. `undefined` when the header is missing or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  // An HTTP date always names a weekday and month; Date.parse alone would also take "-1" as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now));
}

/** `5000` → `"5 s"`, `500` → `"0.5 s"`, `12345` → `"12.3 s"`: short enough for the status pill. */
export function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  const digits = seconds < 1 ? 2 : 1;
  return `${Number(seconds.toFixed(digits))} s`;
}
