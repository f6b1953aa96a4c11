import { describe, expect, it } from 'vitest';
import { JoinLimit } from './join-limit';

describe('JoinLimit', () => {
  it('lets an address join up to the limit per minute, then says how long to wait', () => {
    let now = 1_000_000;
    const limit = new JoinLimit(2, () => now);
    expect([limit.take('10.0.0.1'), limit.take('10.0.0.1')]).toEqual([0, 0]);
    now += 15_000;
    expect(limit.take('10.0.0.1'), 'the third within the minute').toBe(45);
    expect(limit.take('10.0.0.2'), 'another address has its own count').toBe(0);
    now += 45_000;
    expect(limit.take('10.0.0.1'), 'a new minute').toBe(0);
  });
});
