import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

function fakeClock(start = 1_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('RateLimiter', () => {
  it('allows maxRequests per window, then says how long to wait', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ maxRequests: 2, windowMs: 10_000 }, clock.now);
    expect(limiter.hit('a')).toEqual({ allowed: true });
    clock.advance(4_000);
    expect(limiter.hit('a')).toEqual({ allowed: true });
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterMs: 6_000 });
  });

  it('counts each client address on its own', () => {
    const limiter = new RateLimiter({ maxRequests: 1, windowMs: 10_000 }, fakeClock().now);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.hit('b').allowed).toBe(true);
    expect(limiter.hit('a').allowed).toBe(false);
    expect(limiter.clientCount).toBe(2);
  });

  it('forgets every counter when the window ends', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ maxRequests: 1, windowMs: 10_000 }, clock.now);
    limiter.hit('a');
    limiter.hit('b');
    expect(limiter.hit('a').allowed).toBe(false);
    clock.advance(10_000);
    expect(limiter.hit('a').allowed).toBe(true);
    expect(limiter.clientCount).toBe(1);
  });

  it('refuses options that are no positive whole numbers', () => {
    expect(() => new RateLimiter({ maxRequests: 0, windowMs: 1_000 })).toThrow(TypeError);
    expect(() => new RateLimiter({ maxRequests: 5, windowMs: 0.5 })).toThrow(TypeError);
  });
});
