/**
 * An SSE client built on `fetch` instead of `EventSource`. It does the same job (connect, read the
 * stream, reconnect with `Last-Event-ID`), but because it is plain `fetch` you could also send
 * other headers, use POST, or run it in Node.
 *
 * This file is only the transport: bytes → text → `SseParser`. The format itself lives in
 * `sse-parser.ts`.
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
  if (response.body === null) return;
  const reader = response.body.getReader();
  // `stream: true` keeps the first bytes of a character that was split between two chunks until
  // the rest arrives. `ignoreBOM` leaves the byte order mark to the parser, which drops it only at the
  // start of the stream.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const stopReading = () => cancelQuietly(reader);
  signal?.addEventListener('abort', stopReading);

  try {
    while (!signal?.aborted) {
      const { done, value } = await reader.read();
      // No final `decoder.decode()`: bytes left over could only belong to an unfinished line, and
      // the standard discards unfinished lines and events at the end of the stream anyway.
      if (done) return;
      parser.push(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    // An abort is how the caller stops us, not a failure.
    if (signal?.aborted) return;
    throw error;
  } finally {
    signal?.removeEventListener('abort', stopReading);
    // Closes the connection if we stopped early (abort, or a handler threw); after the end it does nothing.
    cancelQuietly(reader);
  }
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
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    // Like EventSource: the header is only sent once there is an id to resume from.
    if (this.lastEventId !== '') {
      headers['Last-Event-ID'] = utf8HeaderValue(this.lastEventId);
    }
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
  // 204 No Content is how a server tells EventSource clients to stop reconnecting: no error.
  if (response.status === 204) return { reconnect: false };

  if (response.status !== 200) {
    const message =
      `${url} answered with HTTP ${response.status} ${response.statusText}, but an event stream ` +
      'needs 200 OK. The client will not reconnect.';
    return { reconnect: false, error: new Error(message) };
  }

  const contentType = response.headers.get('Content-Type') ?? '';
  if (mimeType(contentType) !== 'text/event-stream') {
    const message =
      `${url} sent Content-Type "${contentType}", but an event stream needs "text/event-stream". ` +
      'Is this the right URL, and does the server set the header? The client will not reconnect.';
    return { reconnect: false, error: new Error(message) };
  }
  return undefined;
}

/** `"Text/Event-Stream; charset=utf-8"` → `"text/event-stream"`. */
function mimeType(contentType: string): string {
  const withoutParameters = contentType.split(';')[0] ?? '';
  return withoutParameters.trim().toLowerCase();
}

/**
 * How long to wait before reconnect number `failuresInARow` (1, 2, 3 …) since the last successful open.
 * The first reconnect waits exactly what the server asked for. After that the wait doubles each time,
 * up to a cap, and a random part is taken off, so that many clients that lost the same server at
 * the same moment do not all come back at the same moment.
 */
function reconnectDelay(retryMs: number, failuresInARow: number): number {
  if (failuresInARow <= 1) return retryMs;
  const doubled = retryMs * 2 ** (failuresInARow - 1);
  const capped = Math.min(doubled, Math.max(retryMs, MAX_BACKOFF_MS));
  // "Equal jitter": somewhere between half and all of the capped delay.
  const half = capped / 2;
  return Math.round(half + Math.random() * half);
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
