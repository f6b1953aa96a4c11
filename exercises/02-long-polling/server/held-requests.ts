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
    // 🐨 TODO 2.4: start a timer: after this.timeoutMs, answer 204 No Content (response.status(204).end()),
    //    unless the response is no longer open (isOpen). Keep the timer in this.#timers.
    //    📜 https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/204

    // 🐨 TODO 2.5: when the response closes (answered, timed out, or the client went away), clear the timer
    //    and delete it from this.#timers, and delete the response from this.#waiting.
    //    📜 https://nodejs.org/api/http.html#event-close_2

    function answer(body: UpdatesAnswer): void {
      // 🐨 TODO 2.4: send `body` as JSON (response.json), but only while the response is open (isOpen):
      //    a request is answered once, and a client that has gone cannot be answered at all.
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
