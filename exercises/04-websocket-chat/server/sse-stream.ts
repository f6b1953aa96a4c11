import type { Request, Response } from 'express';
import { formatSseComment, formatSseRetry } from './sse-frame';

export interface SseStreamOptions {
  /** How often a comment is sent on an idle stream, so proxies do not close it (milliseconds). */
  keepAliveMs: number;
  /** How long the browser waits before it reconnects (milliseconds). */
  retryMs: number;
  /** A client that lets more than this pile up unread is cut off; it resumes from the history later. */
  maxBufferedBytes: number;
}

/** An open `text/event-stream` response. */
export interface SseStream {
  /** Writes one encoded frame; does nothing once the stream is closed. */
  send(frame: string): void;
  /** Runs `callback` once when the client goes away or the stream is cut off. */
  onClose(callback: () => void): void;
}

// 🐨 TODO S0.1 (the same as exercise 03's TODO 2.1: did 03? copy your answer): the headers of an event
//    stream: Content-Type, Cache-Control (no caching, no compression), X-Accel-Buffering (no proxy
//    buffering) and Connection.
const SSE_HEADERS = {};

/** Turns an HTTP response into an event stream and cleans up after it when the client disconnects. */
export function openSseStream(request: Request, response: Response, options: SseStreamOptions): SseStream {
  // 🐨 TODO S0.1: answer with status 200 and SSE_HEADERS, then send the retry delay (formatSseRetry),
  //    and delete the placeholder answer below.
  //    📜 https://nodejs.org/api/http.html#responsewriteheadstatuscode-statusmessage-headers
  response.status(501).json({ error: 'Not implemented yet: start with TODO S0.1 in server/sse-stream.ts.' });
  // Node waits for Nagle's algorithm otherwise; small frames should leave at once.
  request.socket.setNoDelay(true);

  // 💯 TODO S0.4: send a keep-alive comment (formatSseComment) every options.keepAliveMs,
  //    and stop the timer when the response closes.

  function send(frame: string): void {
    // 🐨 TODO S0.2: write the frame to the response, unless the response has already ended.
    // 💯 TODO S0.4: cut off a client with more than options.maxBufferedBytes unread (response.writableLength).
  }

  function onClose(callback: () => void): void {
    response.on('close', callback);
  }

  return { send, onClose };
}
