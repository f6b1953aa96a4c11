/**
 * A parser for the `text/event-stream` format, written after the WHATWG HTML Living Standard,
 * section "Server-sent events" → "Interpreting an event stream" and "Dispatching the event".
 *
 * It is pure: text goes in through `push()`, events come out through `onEvent`. Reading bytes from
 * the network and decoding them is the job of `fetch-event-source.ts`.
 */

/** One event, as `EventSource` would hand it to a `message` or `addEventListener` callback. */
export interface ServerSentEvent {
  /** The `event:` field, or `"message"` when the server sent none. */
  type: string;
  /** All `data:` lines of the event, joined with `"\n"`. */
  data: string;
  /** The last `id:` the stream has set so far; it carries over to later events without an `id:`. */
  lastEventId: string;
}

export interface SseParserHandlers {
  /** Called once for every complete event (blank line at its end) that carries data. */
  onEvent: (event: ServerSentEvent) => void;
  /** Called when the server sends a valid `retry:` field: the new reconnection time. */
  onRetry?: (milliseconds: number) => void;
}

const LINE_FEED = '\n';
const CARRIAGE_RETURN = '\r';
const BYTE_ORDER_MARK = '\uFEFF';
const NULL_CHARACTER = '\u0000';
const ASCII_DIGITS_ONLY = /^[0-9]+$/;

export class SseParser {
  readonly #handlers: SseParserHandlers;

  /** True until the first character has arrived; only there may a byte order mark be dropped. */
  #atStreamStart = true;
  /** The last chunk ended with CR: if the next one starts with LF, the two form a single CRLF. */
  #endedWithCarriageReturn = false;
  /** The start of a line whose line end has not arrived yet. */
  #unfinishedLine = '';

  // The three buffers of the standard. They collect the fields of one event until a blank line.
  #dataBuffer = '';
  #eventTypeBuffer = '';
  #lastEventIdBuffer: string;
  /** The id that dispatched events report; updated from the buffer on every blank line. */
  #lastEventId: string;

  /**
   * @param lastEventId Where to continue from. A client that reconnects passes the id of the
   *   previous connection, so that events without an `id:` field keep reporting it.
   */
  constructor(handlers: SseParserHandlers, lastEventId = '') {
    this.#handlers = handlers;
    this.#lastEventIdBuffer = lastEventId;
    this.#lastEventId = lastEventId;
  }

  /** Feed decoded text; may contain any number of partial or whole lines. */
  push(text: string): void {
    let chunk = this.#removeByteOrderMark(text);
    // An empty chunk must not change the state, e.g. forget a CR that waits for its LF.
    if (chunk === '') return;

    if (this.#endedWithCarriageReturn && chunk.startsWith(LINE_FEED)) {
      // The second half of a CRLF that was split between two chunks: the line already ended.
      chunk = chunk.slice(1);
    }
    this.#endedWithCarriageReturn = chunk.endsWith(CARRIAGE_RETURN);

    // A long line comes in many chunks: without a line end, only add to it. Splitting the whole line again
    // on every push would cost time quadratic in its length (a 1 MiB line in small chunks: half a minute).
    if (!chunk.includes(LINE_FEED) && !chunk.includes(CARRIAGE_RETURN)) {
      this.#unfinishedLine += chunk;
      return;
    }
    this.#processLines(this.#unfinishedLine + chunk);
  }

  /** The id of the last event seen, for Last-Event-ID on reconnect. */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /**
   * Processes every line of `text` that has its line end (CRLF, LF or CR); the rest waits for the next push.
   * A scan with indexOf instead of split(/\r\n|\r|\n/): on long lines a regular expression is several times slower.
   */
  #processLines(text: string): void {
    let lineStart = 0;
    let nextCarriageReturn = text.indexOf(CARRIAGE_RETURN);
    let nextLineFeed = text.indexOf(LINE_FEED);
    while (nextCarriageReturn !== -1 || nextLineFeed !== -1) {
      const lineEnd = firstFound(nextCarriageReturn, nextLineFeed);
      this.#processLine(text.slice(lineStart, lineEnd));
      // CRLF is one line end, not two.
      const isCrLf = text[lineEnd] === CARRIAGE_RETURN && text[lineEnd + 1] === LINE_FEED;
      lineStart = lineEnd + (isCrLf ? 2 : 1);
      // Search again only for a line end we have passed: searching on every line would scan the rest each time.
      if (nextCarriageReturn !== -1 && nextCarriageReturn < lineStart) {
        nextCarriageReturn = text.indexOf(CARRIAGE_RETURN, lineStart);
      }
      if (nextLineFeed !== -1 && nextLineFeed < lineStart) nextLineFeed = text.indexOf(LINE_FEED, lineStart);
    }
    this.#unfinishedLine = text.slice(lineStart);
  }

  /** Drops one U+FEFF, but only at the very start of the stream. */
  #removeByteOrderMark(text: string): string {
    if (!this.#atStreamStart || text === '') return text;
    this.#atStreamStart = false;
    if (!text.startsWith(BYTE_ORDER_MARK)) return text;
    return text.slice(1);
  }

  #processLine(line: string): void {
    if (line === '') {
      this.#dispatchEvent();
      return;
    }
    // Comments keep an idle connection alive; they carry nothing for us.
    if (line.startsWith(':')) return;

    const colonIndex = line.indexOf(':');
    if (colonIndex === -1) {
      // A line without a colon is a field name with an empty value, e.g. "data" alone.
      this.#processField(line, '');
      return;
    }
    const name = line.slice(0, colonIndex);
    const value = removeOneLeadingSpace(line.slice(colonIndex + 1));
    this.#processField(name, value);
  }

  #processField(name: string, value: string): void {
    switch (name) {
      case 'event':
        this.#eventTypeBuffer = value;
        return;
      case 'data':
        this.#dataBuffer += value + LINE_FEED;
        return;
      case 'id':
        // The id goes back to the server in an HTTP header, where NULL is not allowed.
        if (value.includes(NULL_CHARACTER)) return;
        this.#lastEventIdBuffer = value;
        return;
      case 'retry':
        // "5s", "-1" or "1.5" are not a number of milliseconds; the standard says to ignore them.
        if (!ASCII_DIGITS_ONLY.test(value)) return;
        this.#handlers.onRetry?.(Number.parseInt(value, 10));
        return;
      default:
        // Unknown fields are ignored, so that the format can grow without breaking old clients.
        return;
    }
  }

  /** Runs on every blank line: hands the collected event to `onEvent` and empties the buffers. */
  #dispatchEvent(): void {
    // An id counts even when the event has no data, so that an "id-only" event can move it on.
    this.#lastEventId = this.#lastEventIdBuffer;

    if (this.#dataBuffer === '') {
      this.#eventTypeBuffer = '';
      return;
    }

    const event: ServerSentEvent = {
      type: this.#eventTypeBuffer === '' ? 'message' : this.#eventTypeBuffer,
      // Every data line added a LF; the one after the last line is not part of the data.
      data: this.#dataBuffer.slice(0, -1),
      lastEventId: this.#lastEventId,
    };
    // Empty the buffers first, so that a handler that throws cannot leave half an event behind.
    this.#dataBuffer = '';
    this.#eventTypeBuffer = '';
    this.#handlers.onEvent(event);
  }
}

/** "data: x" means "x", but "data:  x" means " x": only one space belongs to the syntax. */
function removeOneLeadingSpace(value: string): string {
  if (!value.startsWith(' ')) return value;
  return value.slice(1);
}

/** The smaller of two positions that indexOf returned, where -1 means "not found". */
function firstFound(first: number, second: number): number {
  if (first === -1) return second;
  if (second === -1) return first;
  return Math.min(first, second);
}
