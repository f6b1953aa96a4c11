/** One Server-Sent Event, before it is turned into text. */
export interface SseEvent {
  /** Event name; the client listens with `addEventListener(event, …)`. */
  event: string;
  /** Stored by the browser and sent back as `Last-Event-ID` when it reconnects; leave it out to keep the last one. */
  id?: string;
  /** The payload; may span several lines. */
  data: string;
}

/**
 * Encodes one event in the `text/event-stream` wire format:
 *
 *   id: k3x9-7
 *   event: message
 *   data: {"type":"message",…}
 *   (blank line ends the event)
 */
export function formatSseEvent({ event, id, data }: SseEvent): string {
  assertSingleLine('event', event);
  // Each line of the payload needs its own `data:` field; the client joins them with "\n".
  const dataLines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
  if (id === undefined) return `event: ${event}\n${dataLines.join('')}\n`;
  assertSingleLine('id', id);
  return `id: ${id}\nevent: ${event}\n${dataLines.join('')}\n`;
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
