import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_INTERVAL_MS,
  formatSeconds,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  MIN_INTERVAL_MS,
  readPollInterval,
  retryAfterMs,
  retryDelayMs,
} from './poll-timing';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readPollInterval', () => {
  it('is 5 s without ?interval', () => {
    expect(readPollInterval('')).toBe(DEFAULT_INTERVAL_MS);
    expect(readPollInterval('?other=1')).toBe(DEFAULT_INTERVAL_MS);
    expect(readPollInterval('?interval=')).toBe(DEFAULT_INTERVAL_MS);
  });

  it('reads milliseconds', () => {
    expect(readPollInterval('?interval=1000')).toBe(1000);
    expect(readPollInterval('?debug&interval=500')).toBe(500);
  });

  it('falls back to 5 s, with a warning, when the value is no whole number', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readPollInterval('?interval=fast')).toBe(DEFAULT_INTERVAL_MS);
    expect(readPollInterval('?interval=1.5')).toBe(DEFAULT_INTERVAL_MS);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('raises intervals below 250 ms, so that nobody polls in a tight loop', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readPollInterval('?interval=10')).toBe(MIN_INTERVAL_MS);
    expect(readPollInterval('?interval=0')).toBe(MIN_INTERVAL_MS);
    expect(readPollInterval('?interval=-5')).toBe(MIN_INTERVAL_MS);
  });
});

describe('retryDelayMs', () => {
  const highest = () => 1 - Number.EPSILON;
  const lowest = () => 0;

  it('doubles with every failure in a row', () => {
    expect(retryDelayMs(1, 5_000, highest)).toBe(10_000);
    expect(retryDelayMs(2, 5_000, highest)).toBe(20_000);
    expect(retryDelayMs(1, 500, highest)).toBe(1_000);
    expect(retryDelayMs(3, 500, highest)).toBe(4_000);
  });

  it('never waits longer than 30 s', () => {
    expect(retryDelayMs(4, 5_000, highest)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(2_000, 5_000, highest)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('waits at least the interval when the interval is longer than 30 s', () => {
    expect(retryDelayMs(1, 60_000, highest)).toBe(60_000);
  });

  it('adds jitter: between half and all of the delay', () => {
    expect(retryDelayMs(1, 5_000, lowest)).toBe(5_000);
    const delay = retryDelayMs(1, 5_000);
    expect(delay).toBeGreaterThanOrEqual(5_000);
    expect(delay).toBeLessThanOrEqual(10_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-29T09:00:00Z');

  it('reads whole seconds', () => {
    expect(retryAfterMs('3', now)).toBe(3_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date', () => {
    expect(retryAfterMs('Sun, 29 Nov 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Sun, 29 Nov 2026 08:00:00 GMT', now)).toBe(0);
  });

  it('waits at most an hour, however long the server asks for', () => {
    // Beyond 2³¹−1 ms setTimeout fires at once: the page would poll in a tight loop.
    expect(retryAfterMs('2147484', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('99999999999999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('Tue, 29 Dec 2026 09:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('3600', now)).toBe(3_600_000);
  });

  it('is undefined for a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-1', now)).toBeUndefined();
  });
});

describe('formatSeconds', () => {
  it('is short and exact enough for the status pill', () => {
    expect(formatSeconds(5_000)).toBe('5 s');
    expect(formatSeconds(500)).toBe('0.5 s');
    expect(formatSeconds(250)).toBe('0.25 s');
    expect(formatSeconds(12_345)).toBe('12.3 s');
    expect(formatSeconds(30_000)).toBe('30 s');
  });
});
