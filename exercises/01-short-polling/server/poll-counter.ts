import type { RequestHandler } from 'express';

export interface PollCounts {
  /** Polls answered since the server started, whatever the status. */
  answered: number;
  /** …of which `304 Not Modified`: the list had not changed, and no body was sent. */
  notModified: number;
  /** …of which `429 Too Many Requests`. */
  tooManyRequests: number;
  /** Polls whose response has not finished yet; back to 0 as soon as the server is idle. */
  pending: number;
}

/** Counts what polling costs, for `GET /stats`: divide `answered` by the notifications created. */
export class PollCounter {
  readonly #counts: PollCounts = { answered: 0, notModified: 0, tooManyRequests: 0, pending: 0 };

  get counts(): PollCounts {
    return { ...this.#counts };
  }

  /** Middleware in front of the poll route. */
  readonly track: RequestHandler = (_request, response, next) => {
    this.#counts.pending += 1;
    // `close` comes once per response: after the last byte, or when the client went away before it.
    response.once('close', () => this.#countClosed(response.statusCode, response.writableFinished));
    next();
  };

  #countClosed(status: number, finished: boolean): void {
    this.#counts.pending -= 1;
    if (!finished) return;
    this.#counts.answered += 1;
    if (status === 304) this.#counts.notModified += 1;
    if (status === 429) this.#counts.tooManyRequests += 1;
  }
}
