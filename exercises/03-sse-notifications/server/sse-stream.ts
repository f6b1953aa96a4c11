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

// 🐨 TODO 2.1: the headers of an event stream: Content-Type, Cache-Control (no caching, no compression),
//    X-Accel-Buffering (no proxy buffering) and Connection.
// #region headers
const SSE_HEADERS = {};
// #endregion headers

/** Turns an HTTP response into an event stream and cleans up after it when the client disconnects. */
// #region open-stream
export function openSseStream(
  request: IncomingMessage,
  response: ServerResponse,
  options: SseStreamOptions,
): SseStream {
  // 🐨 TODO 2.1: answer with status 200 and SSE_HEADERS, then send the retry delay (formatSseRetry),
  //    and delete the placeholder answer below.
  //    📜 https://nodejs.org/api/http.html#responsewriteheadstatuscode-statusmessage-headers
  response.writeHead(501, { 'Content-Type': 'application/json' });
  response.end(
    JSON.stringify({ error: 'Not implemented yet: start with TODO 2.1 in server/sse-stream.ts.' }),
  );
  // Node waits for Nagle's algorithm otherwise; small frames should leave at once.
  request.socket.setNoDelay(true);

  // 💯 TODO 2.7: send a keep-alive comment (formatSseComment) every options.keepAliveMs,
  //    and stop the timer when the response closes.

  function send(frame: string): void {
    // 🐨 TODO 2.2: write the frame to the response, unless the response has already ended.
    // 💯 TODO 2.7: cut off a client with more than options.maxBufferedBytes unread (response.writableLength).
  }

  function onClose(callback: () => void): void {
    response.on('close', callback);
  }

  return { send, onClose };
}
// #endregion open-stream
