import { describe, expect, it } from 'vitest';
import { backoffDelay, FIRST_DELAY_MS, MAX_DELAY_MS, ReconnectBackoff } from './reconnect-backoff';

const noJitter = () => 1;
const mostJitter = () => 0;

describe('backoffDelay', () => {
  it('doubles the delay after every failed attempt', () => {
    const delays = [1, 2, 3, 4].map((attempt) => backoffDelay(attempt, noJitter));
    expect(delays).toEqual([FIRST_DELAY_MS, 2 * FIRST_DELAY_MS, 4 * FIRST_DELAY_MS, 8 * FIRST_DELAY_MS]);
  });

  it('never waits longer than the maximum', () => {
    expect(backoffDelay(50, noJitter)).toBe(MAX_DELAY_MS);
    expect(backoffDelay(5000, noJitter)).toBe(MAX_DELAY_MS);
  });

  it('waits at least half of the delay, whatever the jitter', () => {
    expect(backoffDelay(1, mostJitter)).toBe(FIRST_DELAY_MS / 2);
    expect(backoffDelay(50, mostJitter)).toBe(MAX_DELAY_MS / 2);
  });

  it('spreads out clients that reconnect at the same moment', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(2 * FIRST_DELAY_MS);
      expect(delay).toBeLessThanOrEqual(4 * FIRST_DELAY_MS);
    }
  });

  it('refuses an attempt number below 1', () => {
    expect(() => backoffDelay(0)).toThrow(TypeError);
  });
});

describe('ReconnectBackoff', () => {
  it('waits longer after each failure and starts over after reset()', () => {
    const backoff = new ReconnectBackoff(noJitter);
    expect([backoff.nextDelay(), backoff.nextDelay(), backoff.nextDelay()]).toEqual([1_000, 2_000, 4_000]);
    backoff.reset();
    expect(backoff.nextDelay()).toBe(1_000);
  });
});
