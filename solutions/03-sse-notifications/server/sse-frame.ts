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
// #region format-event
export function formatSseEvent({ event, id, data }: SseEvent): string {
  assertSingleLine('event', event);
  assertSingleLine('id', id);
  // Each line of the payload needs its own `data:` field; the client joins them with "\n".
  const dataLines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
  return `id: ${id}\nevent: ${event}\n${dataLines.join('')}\n`;
}
// #endregion format-event

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
