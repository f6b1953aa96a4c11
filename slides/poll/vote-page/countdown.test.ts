import { describe, expect, it } from 'vitest';
import { clockOffsetMs, formatCountdown, remainingMs } from './countdown';

describe('break countdown', () => {
  it('counts to the server time, also on a device whose clock is five minutes behind', () => {
    const serverNow = 1_000_000;
    const deviceNow = serverNow - 300_000;
    const offset = clockOffsetMs(serverNow, deviceNow);
    const endsAt = serverNow + 600_000;
    expect(remainingMs(endsAt, offset, deviceNow)).toBe(600_000);
    expect(remainingMs(endsAt, offset, deviceNow + 1_500)).toBe(598_500);
  });

  it('never shows less than zero', () => {
    expect(remainingMs(1_000, 0, 5_000)).toBe(0);
    expect(formatCountdown(-20)).toBe('00:00');
  });

  it('shows minutes and seconds, rounding the second up', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(599_001)).toBe('10:00');
    expect(formatCountdown(599_000)).toBe('09:59');
    expect(formatCountdown(65_000)).toBe('01:05');
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
  });
});
