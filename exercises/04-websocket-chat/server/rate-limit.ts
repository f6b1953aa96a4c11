import type { RequestHandler } from 'express';

export interface RateLimitOptions {
  /** Requests one client address may make per window. */
  maxRequests: number;
  /** Length of a window (milliseconds). */
  windowMs: number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A fixed window: every client address may make `maxRequests` requests, then waits until the window ends.
 * All counters are dropped when a window ends, so memory stays bounded by the clients of one window, and no
 * timer runs: the first request after the end starts the next window.
 */
export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #now: () => number;
  readonly #counts = new Map<string, number>();
  #windowEndsAt = 0;

  constructor(options: RateLimitOptions, now: () => number = Date.now) {
    const { maxRequests, windowMs } = options;
    if (!Number.isInteger(maxRequests) || maxRequests < 1 || !Number.isInteger(windowMs) || windowMs < 1) {
      throw new TypeError(
        `RateLimiter needs positive whole numbers for maxRequests and windowMs, got ${maxRequests} and ${windowMs}`,
      );
    }
    this.#options = { maxRequests, windowMs };
    this.#now = now;
  }

  /** Client addresses counted in the current window. */
  get clientCount(): number {
    return this.#counts.size;
  }

  get options(): RateLimitOptions {
    return this.#options;
  }

  /** Counts one request of `client`; says whether it may go on, or how long until it may try again. */
  hit(client: string): RateLimitVerdict {
    const now = this.#now();
    if (now >= this.#windowEndsAt) {
      this.#counts.clear();
      this.#windowEndsAt = now + this.#options.windowMs;
    }
    const count = (this.#counts.get(client) ?? 0) + 1;
    this.#counts.set(client, count);
    if (count <= this.#options.maxRequests) return { allowed: true };
    return { allowed: false, retryAfterMs: this.#windowEndsAt - now };
  }
}

/**
 * Answers `429 Too Many Requests` with `Retry-After` (whole seconds) once a client is over the limit; `what`
 * names what is counted in the error, e.g. "notifications".
 */
export function rateLimit(limiter: RateLimiter, what = 'requests'): RequestHandler {
  const { maxRequests, windowMs } = limiter.options;
  return (request, response, next) => {
    // Without a proxy in front, the address of the socket; one per laptop, or one per classroom behind NAT.
    const verdict = limiter.hit(request.ip ?? 'unknown');
    if (verdict.allowed) {
      next();
      return;
    }
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    response.setHeader('Retry-After', String(seconds));
    response.status(429).json({
      error: `Too many ${what} from your address: at most ${maxRequests} per ${windowMs / 1000} s. Try again in ${seconds} s.`,
    });
  };
}
