/**
 * A parser for the `text/event-stream` format, written after the WHATWG HTML Living Standard,
 * section "Server-sent events" → "Interpreting an event stream" and "Dispatching the event".
 *
 * It is pure: text goes in through `push()`, events come out through `onEvent`. Reading bytes from
 * the network and decoding them is the job of `fetch-event-source.ts`.
 *
 * 💯 Bonus: write the parser, TODO B.1 to B.14. `sse-parser.test.ts` has one test per rule; run
 * `pnpm test` in this exercise. The names in the TODOs are the standard's; use them for your fields
 * and methods.
 * 📜 https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
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

export class SseParser {
  // 💯 TODO B.1 (bonus): private fields for the state of the parser: the handlers; the three buffers
  //    of the standard (data buffer, event type buffer, last event id buffer), all empty at first;
  //    the last event id that dispatched events report; and what you need to remember between two
  //    pushes (an unfinished line, a CR at the very end, whether the stream has started).

  /**
   * @param lastEventId Where to continue from. A client that reconnects passes the id of the
   *   previous connection, so that events without an `id:` field keep reporting it.
   */
  constructor(handlers: SseParserHandlers, lastEventId = '') {
    // 💯 TODO B.2 (bonus): keep the handlers, and start the last event id and its buffer at `lastEventId`.
    throw new Error(
      'TODO (bonus): SseParser is not written yet. Start with TODO B.1 in client/sse-parser.ts.',
    );
  }

  /** Feed decoded text; may contain any number of partial or whole lines. */
  push(text: string): void {
    // 💯 TODO B.3 (bonus): at the very start of the stream (and only there), drop one byte order mark
    //    (U+FEFF).
    // 💯 TODO B.4 (bonus): split the text into lines. A line ends with CRLF, LF or CR. A CR at the end of
    //    one push and a LF at the start of the next one are a single line end, not two.
    // 💯 TODO B.5 (bonus): keep the unfinished last line for the next push; process every complete line.
    //    A push without any line end only adds to the unfinished line: splitting the whole line again on
    //    every push costs time quadratic in its length.
    //
    // Processing a line:
    // 💯 TODO B.6 (bonus): an empty line dispatches the event (see below).
    // 💯 TODO B.7 (bonus): a line that starts with ":" is a comment: ignore it.
    // 💯 TODO B.8 (bonus): split the line at its first colon into field name and value, and remove one
    //    space (only one) at the start of the value. A line without a colon is a field name with an
    //    empty value.
    //
    // Processing a field:
    // 💯 TODO B.9 (bonus): "event" sets the event type buffer.
    // 💯 TODO B.10 (bonus): "data" appends the value and a LF to the data buffer.
    // 💯 TODO B.11 (bonus): "id" sets the last event id buffer, unless the value contains U+0000 NULL.
    // 💯 TODO B.12 (bonus): "retry" calls onRetry with the value as a number, but only if the value is
    //    ASCII digits only. Every other field is ignored.
    //
    // Dispatching the event:
    // 💯 TODO B.13 (bonus): the last event id takes the value of its buffer. If the data buffer is empty,
    //    reset the event type buffer and stop: there is no event to dispatch.
    // 💯 TODO B.14 (bonus): call onEvent with the type ("message" if the buffer is empty), the data
    //    without its final LF, and the last event id. Then empty the data buffer and the event type buffer.
    throw new Error(`TODO (bonus): SseParser.push() cannot parse ${JSON.stringify(text)} yet.`);
  }

  /** The id of the last event seen, for Last-Event-ID on reconnect. */
  get lastEventId(): string {
    // 💯 TODO B.13 (bonus): return the last event id of the last dispatch (not the buffer).
    return '';
  }
}
