/** One Server-Sent Event, before it is turned into text. */
export interface SseEvent {
  /** Event name; the client listens with `addEventListener(event, …)`. */
  event: string;
  /** Stored by the browser and sent back as `Last-Event-ID` when it reconnects. */
  id: string;
  /** The payload; may span several lines. */
  data: string;
}

/**
 * Encodes one event in the `text/event-stream` wire format:
 *
 *   id: 7
 *   event: notification
 *   data: {"id":"7",…}
 *   (blank line ends the event)
 */
export function formatSseEvent({ event, id, data }: SseEvent): string {
  assertSingleLine('event', event);
  assertSingleLine('id', id);
  // 🐨 TODO S0.3 (exercise 03's TODO 2.3): return the event as text: an `id:` line, an `event:` line, one `data:` line per line
  //    of `data`, and a blank line at the end. formatSseRetry below shows the shape of a field.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events#event_stream_format
  return '';
}

/** Tells the browser how long to wait before reconnecting (milliseconds, digits only). */
export function formatSseRetry(milliseconds: number): string {
  if (!Number.isInteger(milliseconds) || milliseconds < 0) {
    throw new TypeError(`retry must be a non-negative integer, got ${milliseconds}`);
  }
  return `retry: ${milliseconds}\n\n`;
}

/** A comment line: ignored by clients, but it keeps proxies from closing an idle stream. */
export function formatSseComment(text: string): string {
  assertSingleLine('comment', text);
  return `: ${text}\n\n`;
}

function assertSingleLine(field: string, value: string): void {
  if (/[\r\n]/.test(value)) {
    throw new TypeError(`SSE ${field} must not contain a line break: ${JSON.stringify(value)}`);
  }
}
