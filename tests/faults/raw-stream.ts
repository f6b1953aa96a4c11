// Streams opened on a bare TCP socket, so a test decides when the client stops reading or vanishes:
// an event stream, a held long poll or a WebSocket handshake are all "send a request, get the headers".
import { connect, type Socket } from 'node:net';
import { settlesAt } from './fault-soak';

export interface RawStreamRequest {
  /** Path and query, e.g. `/sse` or `/connect?token=…`. */
  path: string;
  /** Completes a WebSocket handshake instead of a plain GET. */
  webSocket?: boolean;
  /** The address the connection comes from (default 127.0.0.1). */
  from?: string;
}

/** Opens the stream and resolves once the server's answer headers arrived, with the socket paused. */
export function openRawStream(baseUrl: string, request: RawStreamRequest): Promise<Socket> {
  const { port } = new URL(baseUrl);
  const socket = connect({
    host: '127.0.0.1',
    port: Number(port),
    localAddress: request.from ?? '127.0.0.1',
  });
  socket.on('error', () => {});
  return new Promise((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      socket.pause();
      const statusLine = head.split('\r\n')[0] ?? '';
      const expected = request.webSocket ? ' 101 ' : ' 200 ';
      if (statusLine.includes(expected)) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(new Error(`${request.path} answered ${statusLine}`));
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`${request.path}: closed before any answer`)));
    socket.write(requestHead(port, request));
  });
}

function requestHead(port: string, request: RawStreamRequest): string {
  const lines = [`GET ${request.path} HTTP/1.1`, `Host: localhost:${port}`];
  if (request.webSocket) {
    lines.push(
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
    );
  } else {
    lines.push('Accept: text/event-stream');
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Sends the request and returns at once: for a long poll, whose answer comes only with news. */
export function sendRawRequest(baseUrl: string, request: RawStreamRequest): Socket {
  const { port } = new URL(baseUrl);
  const socket = connect({
    host: '127.0.0.1',
    port: Number(port),
    localAddress: request.from ?? '127.0.0.1',
  });
  socket.on('error', () => {});
  socket.write(requestHead(port, request));
  return socket;
}

export interface ChurnOptions {
  count: number;
  /** Streams open at once. */
  batch: number;
  /** What the server says is open now (its GET /stats). */
  openNow: () => Promise<number>;
  /** The server's resident memory, measured halfway and at the end. */
  rss?: () => number | undefined;
}

export interface ChurnResult {
  /** Batches the server did not count or did not let go of: an empty list is a pass. */
  problems: string[];
  rssAtHalf: number | undefined;
  rssAtEnd: number | undefined;
}

/**
 * A leak grows with every connection; a heap that found its size does not. So the second half of the churn
 * may add at most this much: a leak of 7 KB per connection shows at 10,000.
 */
export const MAX_SECOND_HALF_GROWTH_BYTES = 32 * 1024 * 1024;

/** How much the second half of a churn added to the server's memory (0 where it cannot be measured). */
export function secondHalfGrowth(result: ChurnResult): number {
  if (result.rssAtHalf === undefined || result.rssAtEnd === undefined) return 0;
  return result.rssAtEnd - result.rssAtHalf;
}

/**
 * Opens `count` streams in batches, waits until the server counts each batch, then drops the batch without a
 * goodbye (phones leaving the Wi-Fi) and waits until the server counts none of them.
 */
export async function churnStreams(
  baseUrl: string,
  request: RawStreamRequest,
  options: ChurnOptions,
): Promise<ChurnResult> {
  const baseline = await options.openNow();
  const problems: string[] = [];
  let rssAtHalf: number | undefined;
  for (let done = 0; done < options.count; done += options.batch) {
    if (rssAtHalf === undefined && done >= options.count / 2) rssAtHalf = options.rss?.();
    const size = Math.min(options.batch, options.count - done);
    // Each batch from another loopback address: 10,000 closed connections from one address would use up its
    // ephemeral ports (TIME_WAIT) and fail with EADDRINUSE on our side.
    const from = request.from ?? `127.0.1.${((done / options.batch) % 200) + 1}`;
    const sockets = Array.from({ length: size }, () => sendRawRequest(baseUrl, { ...request, from }));
    const opened = await settlesAt(options.openNow, baseline + size);
    for (const socket of sockets) socket.destroy();
    const closed = await settlesAt(options.openNow, baseline);
    if (opened !== baseline + size)
      problems.push(`batch at ${done}: ${opened - baseline} of ${size} counted open`);
    if (closed !== baseline)
      problems.push(`batch at ${done}: ${closed - baseline} still counted after the drop`);
    if (problems.length > 3) break;
  }
  return { problems, rssAtHalf, rssAtEnd: options.rss?.() };
}
