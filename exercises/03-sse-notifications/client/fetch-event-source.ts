/**
 * An SSE client built on `fetch` instead of `EventSource`. It does the same job (connect, read the
 * stream, reconnect with `Last-Event-ID`), but because it is plain `fetch` you could also send
 * other headers, use POST, or run it in Node.
 *
 * This file is only the transport: bytes → text → `SseParser`. The format itself lives in
 * `sse-parser.ts`.
 *
 * 💯 Bonus: after the parser, fill in TODO B.15 to B.20; `fetch-event-source.test.ts` checks them
 * against a real HTTP server. The reconnect loop in `FetchEventSource` is given: read it first.
 * 📜 https://html.spec.whatwg.org/multipage/server-sent-events.html#sse-processing-model
 */
import { type ServerSentEvent, SseParser } from './sse-parser';

export interface FetchEventSourceOptions {
  /** Called for every event, whatever its type; `event.type` tells `notification` from `initial`. */
  onEvent: (event: ServerSentEvent) => void;
  /** Called each time a connection has been accepted as an event stream. */
  onOpen?: () => void;
  /** Called when a connection fails or ends; the client then waits `delayMs` and reconnects. */
  onDisconnect?: (info: { error?: Error; delayMs: number }) => void;
  /**
   * Called once when the client gives up for good; it will not reconnect and calls nothing after this.
   * - `error` is set when the server did not answer with an event stream (status not 200, or a
   *   `Content-Type` other than `text/event-stream`): reconnecting would only get the same answer.
   * - `error` is `undefined` after HTTP 204 No Content: the server asked us to stop.
   *
   * Not called after `close()`: then you stopped it yourself.
   */
  onStop?: (info: { error?: Error }) => void;
  /** Sent as Last-Event-ID on the first request. */
  lastEventId?: string;
  /** Default 3000 (browsers' usual default); a `retry:` field overrides it. */
  initialRetryMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
}

export interface FetchEventSourceConnection {
  /** Stops for good: aborts the request that is running or cancels the reconnect that waits. */
  close(): void;
  /** The id of the last event received, sent as Last-Event-ID on the next reconnect. */
  readonly lastEventId: string;
}

const DEFAULT_RETRY_MS = 3000;
/** Backoff after repeated failures never waits longer than this, unless `retry:` itself is longer. */
const MAX_BACKOFF_MS = 30_000;
/**
 * A server's `retry:` is taken up to an hour. setTimeout takes at most 2³¹−1 ms (24.8 days): a longer delay
 * overflows and fires at once, and the client would reconnect in a storm.
 */
const MAX_RETRY_MS = 3_600_000;

/**
 * Connects like EventSource but with fetch: sends `Accept: text/event-stream` and `Last-Event-ID`,
 * checks for status 200 and `Content-Type: text/event-stream`, and reconnects after the retry delay
 * when the stream ends or fails. After several failures in a row the delay doubles each time (capped,
 * with random jitter); a successful open resets it.
 *
 * It stops for good on `close()`, on HTTP 204, and on a response that is not an event stream. The
 * last two are reported through `onStop` (see there).
 */
export function connectFetchEventSource(
  url: string,
  options: FetchEventSourceOptions,
): FetchEventSourceConnection {
  const client = new FetchEventSource(url, options);
  void client.run();
  return client;
}

/**
 * One connection, no reconnect: reads the response body until it ends or the signal aborts.
 * Useful in tests and in Node.
 */
// #region read-stream
export async function readEventStream(
  response: Response,
  parser: SseParser,
  signal?: AbortSignal,
): Promise<void> {
  // 💯 TODO B.15 (bonus): read the body chunk by chunk until it ends (no body: nothing to read).
  // 💯 TODO B.16 (bonus): decode the bytes as UTF-8 and push the text into the parser. A character can be
  //    split between two chunks, and the parser, not the decoder, drops the byte order mark.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/TextDecoder/decode
  // 💯 TODO B.17 (bonus): when the signal aborts, stop reading and return without an error; cancel the
  //    body whenever you stop early, so that the connection closes.
  throw new Error(
    'TODO (bonus): readEventStream() is not written yet, see TODO B.15 in client/fetch-event-source.ts.',
  );
}
// #endregion read-stream

/** How one connection attempt ended. */
interface AttemptResult {
  /** True after the stream ended or failed; false when the server does not want us (see `onStop`). */
  reconnect: boolean;
  error?: Error;
}

class FetchEventSource implements FetchEventSourceConnection {
  readonly #url: string;
  readonly #options: FetchEventSourceOptions;
  /** Aborted by `close()`; it cancels the running request and the reconnect timer. */
  readonly #closer = new AbortController();
  /** The parser of the current connection; each connection gets a fresh one. */
  #parser: SseParser | undefined;
  #retryMs: number;
  /** Disconnects since the last successful open; drives the exponential backoff. */
  #failuresInARow = 0;

  constructor(url: string, options: FetchEventSourceOptions) {
    this.#url = url;
    this.#options = options;
    this.#retryMs = options.initialRetryMs ?? DEFAULT_RETRY_MS;
  }

  get lastEventId(): string {
    // Before the first connection there is no parser yet, only the id we were given.
    return this.#parser?.lastEventId ?? this.#options.lastEventId ?? '';
  }

  close(): void {
    this.#closer.abort();
  }

  /** Connects, waits, reconnects … until closed or told to stop. */
  async run(): Promise<void> {
    const signal = this.#closer.signal;
    while (!signal.aborted) {
      const result = await this.#connectOnce();
      // After close() the caller expects silence, whatever the attempt ended with.
      if (signal.aborted) return;
      if (!result.reconnect) {
        this.#options.onStop?.({ error: result.error });
        return;
      }
      this.#failuresInARow += 1;
      const delayMs = reconnectDelay(this.#retryMs, this.#failuresInARow);
      this.#options.onDisconnect?.({ error: result.error, delayMs });
      await wait(delayMs, signal);
    }
  }

  async #connectOnce(): Promise<AttemptResult> {
    let response: Response;
    try {
      response = await this.#fetch();
    } catch (error) {
      return { reconnect: true, error: toError(error) };
    }

    const problem = checkResponse(this.#url, response);
    if (problem !== undefined) {
      cancelQuietly(response.body);
      return problem;
    }

    this.#failuresInARow = 0;
    try {
      this.#options.onOpen?.();
      await readEventStream(response, this.#newParser(), this.#closer.signal);
      return { reconnect: true };
    } catch (error) {
      // The network failed, or a callback threw: report it and reconnect. Cancelling the body
      // closes the connection; if readEventStream already did that, it does nothing.
      cancelQuietly(response.body);
      return { reconnect: true, error: toError(error) };
    }
  }

  /**
   * A fresh parser for every connection, so that half an event from a connection that broke off is
   * thrown away. Only the last event id carries over.
   */
  #newParser(): SseParser {
    const handlers = {
      onEvent: (event: ServerSentEvent) => this.#deliver(event),
      onRetry: (milliseconds: number) => this.#setRetry(milliseconds),
    };
    this.#parser = new SseParser(handlers, this.lastEventId);
    return this.#parser;
  }

  #fetch(): Promise<Response> {
    // Called as a plain function: browsers throw "Illegal invocation" when fetch gets another `this`.
    const fetchFunction = this.#options.fetch ?? fetch;
    const headers: Record<string, string> = {};
    // 💯 TODO B.18 (bonus): ask for an event stream (Accept), and send this.lastEventId as Last-Event-ID
    //    once there is one (not when it is empty), as its UTF-8 bytes (utf8HeaderValue).
    // `no-store`: a cached copy of an event stream would replay old events.
    return fetchFunction(this.#url, { headers, cache: 'no-store', signal: this.#closer.signal });
  }

  #deliver(event: ServerSentEvent): void {
    // One chunk can hold several events; after close() in a handler, the rest must stay silent.
    if (this.#closer.signal.aborted) return;
    this.#options.onEvent(event);
  }

  #setRetry(milliseconds: number): void {
    this.#retryMs = Math.min(milliseconds, MAX_RETRY_MS);
  }
}

/** Returns why this response cannot be used as an event stream, or `undefined` if it can. */
function checkResponse(url: string, response: Response): AttemptResult | undefined {
  // 💯 TODO B.19 (bonus): 204 No Content means "stop, without an error". A status other than 200, or a
  //    Content-Type whose type is not text/event-stream (ignore "; charset=…" and upper case), means
  //    "stop, with an Error": say what the server sent and what was expected.
  return undefined;
}

/**
 * How long to wait before reconnect number `failuresInARow` (1, 2, 3 …) since the last successful open.
 * The first reconnect waits exactly what the server asked for. After that the wait doubles each time,
 * up to a cap, and a random part is taken off, so that many clients that lost the same server at
 * the same moment do not all come back at the same moment.
 */
function reconnectDelay(retryMs: number, failuresInARow: number): number {
  // 💯 TODO B.20 (bonus): the first failure in a row waits retryMs. From the second on, double the delay
  //    each time, but never beyond MAX_BACKOFF_MS (unless retryMs itself is longer). Then add jitter:
  //    wait half of that delay plus Math.random() times the other half.
  return retryMs;
}

/**
 * A header value is a string of bytes (characters 0–255), the id is text: send its UTF-8 bytes, as
 * EventSource does. As it is, "€" would make fetch throw, and "é" would go out as the single byte E9.
 */
function utf8HeaderValue(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
}

/** Resolves after `milliseconds`, or at once when the signal aborts. */
function wait(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // A handler may already have called close(); an aborted signal fires no more events.
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(finish, milliseconds);
    signal.addEventListener('abort', finish);

    function finish(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    }
  });
}

/**
 * Cancels a response body (or its reader), which closes the connection, and ignores the outcome:
 * a stream that already ended has nothing to cancel.
 */
function cancelQuietly(stream: { cancel(): Promise<void> } | null): void {
  stream?.cancel().catch(() => {
    // Already ended or failed: nothing left to clean up.
  });
}

/** `catch` can receive anything; the callbacks promise an `Error`. */
function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(String(value));
}
