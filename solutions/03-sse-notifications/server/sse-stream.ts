import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatSseComment, formatSseRetry } from './sse-frame';

export interface SseStreamOptions {
  /** How often a comment is sent on an idle stream, so proxies do not close it (milliseconds). */
  keepAliveMs: number;
  /** How long the browser waits before it reconnects (milliseconds). */
  retryMs: number;
  /** A client that lets more than this pile up unread is cut off; it resumes from the history later. */
  maxBufferedBytes: number;
}

/** What `GET /sse` runs, on Node's own request and response (app.ts says why it skips Express). */
export type SseRoute = (request: IncomingMessage, response: ServerResponse) => void;

/** An open `text/event-stream` response. */
export interface SseStream {
  /** Writes one encoded frame; does nothing once the stream is closed. */
  send(frame: string): void;
  /** Runs `callback` once when the client goes away or the stream is cut off. */
  onClose(callback: () => void): void;
}

// #region headers
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: compression middleware and proxies must not buffer the stream.
  'Cache-Control': 'no-cache, no-transform',
  // nginx buffers responses unless told not to.
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
};
// #endregion headers

/** Turns an HTTP response into an event stream and cleans up after it when the client disconnects. */
// #region open-stream
export function openSseStream(
  request: IncomingMessage,
  response: ServerResponse,
  options: SseStreamOptions,
): SseStream {
  response.writeHead(200, SSE_HEADERS);
  response.write(formatSseRetry(options.retryMs));
  // Node waits for Nagle's algorithm otherwise; small frames should leave at once.
  request.socket.setNoDelay(true);

  const keepAlive = setInterval(() => send(formatSseComment('keep-alive')), options.keepAliveMs);
  response.on('close', () => clearInterval(keepAlive));

  function send(frame: string): void {
    if (response.writableEnded || response.destroyed) return;
    if (response.writableLength > options.maxBufferedBytes) {
      response.destroy();
      return;
    }
    response.write(frame);
  }

  function onClose(callback: () => void): void {
    response.on('close', callback);
  }

  return { send, onClose };
}
// #endregion open-stream
