import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from './retry-delay';

const lowest = () => 0;
const highest = () => 0.999_999;

describe('retryDelay', () => {
  it('waits between half and all of 1 s after the first failure', () => {
    expect(retryDelay(1, lowest)).toBe(FIRST_RETRY_MS / 2);
    expect(retryDelay(1, highest)).toBe(FIRST_RETRY_MS);
  });

  it('doubles the delay with every failure in a row', () => {
    expect([1, 2, 3, 4].map((failures) => retryDelay(failures, highest))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than 30 s', () => {
    expect(retryDelay(6, highest)).toBe(MAX_RETRY_MS);
    expect(retryDelay(1_000, highest)).toBe(MAX_RETRY_MS);
  });

  it('spreads the delays out at random (jitter)', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(5)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(8_000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });
});
