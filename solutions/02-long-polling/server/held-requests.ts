import type { Response } from 'express';
import type { UpdatesAnswer } from '../protocol/messages';

export interface HeldRequestsOptions {
  /** How long a request is held before it gets `204 No Content` (milliseconds). */
  timeoutMs: number;
}

/** A request that waits for news. */
export interface HeldRequest {
  /** Sends `body` as the JSON answer; does nothing once the request was answered or the client has gone. */
  answer(body: UpdatesAnswer): void;
  /** Runs `callback` once when the request is over: answered, timed out, or the client went away. */
  onEnd(callback: () => void): void;
}

/**
 * The requests the server holds open until it has news, each with the timer that ends its wait. Every one
 * leaves again: when it is answered, when its time is up (204), or when the client goes away.
 */
export class HeldRequests {
  /** How long a request is held before it gets 204 (milliseconds). */
  readonly timeoutMs: number;
  readonly #waiting = new Set<Response>();
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor({ timeoutMs }: HeldRequestsOptions) {
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
      throw new TypeError(`HeldRequests timeoutMs must be a positive integer, got ${timeoutMs}`);
    }
    this.timeoutMs = timeoutMs;
  }

  /** Requests waiting right now (`GET /stats`). */
  get count(): number {
    return this.#waiting.size;
  }

  /** Timers still running; the same as `count`, unless one was forgotten (`GET /stats`). */
  get timerCount(): number {
    return this.#timers.size;
  }

  /** Keeps `response` open until `answer` is called or the time is up. */
  // #region hold
  hold(response: Response): HeldRequest {
    this.#waiting.add(response);
    // Nothing came in time: "no news", and the client asks again with the same cursor.
    const timer = setTimeout(() => {
      if (isOpen(response)) response.status(204).end();
    }, this.timeoutMs);
    this.#timers.add(timer);

    // 'close' follows every end: answered, timed out, or the client went away. Without this, each
    // abandoned request would leave its timer and its place in the set behind: the classic leak.
    response.on('close', () => {
      clearTimeout(timer);
      this.#timers.delete(timer);
      this.#waiting.delete(response);
    });

    function answer(body: UpdatesAnswer): void {
      if (isOpen(response)) response.json(body);
    }

    function onEnd(callback: () => void): void {
      response.on('close', callback);
    }

    return { answer, onEnd };
  }
  // #endregion hold
}

function isOpen(response: Response): boolean {
  return !response.writableEnded && !response.destroyed;
}
