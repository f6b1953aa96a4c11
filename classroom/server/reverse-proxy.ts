// Forwards one request to a reference server on loopback: plain answers, streams (long polls, SSE) and
// WebSocket upgrades alike. Bodies are piped, so a slow reader slows its own stream and nothing piles up here.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { isLoopback } from '../../slides/poll/address-counter';

export interface Upstream {
  /** The reference server's port on 127.0.0.1. */
  port: number;
  /** The path and query it sees (the class server's prefix removed). */
  path: string;
  /** Its name in error messages, e.g. "exercise 04". */
  name: string;
}

/** Told what became of a forwarded request, e.g. to count the room's traffic (traffic-counter.ts). */
export interface ForwardObserver {
  /** The answer is an event stream. */
  streamStarted(): void;
  /** The answer is complete, or one side went away; for an upgrade: the WebSocket closed. */
  ended(): void;
}

const IGNORE: ForwardObserver = { streamStarted() {}, ended() {} };

/** Forwards a request and its answer; the upstream request ends when the client goes away. */
export function forwardRequest(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  upstream: Upstream,
  observer: ForwardObserver = IGNORE,
): void {
  const outgoing = http.request({
    host: '127.0.0.1',
    port: upstream.port,
    method: request.method,
    path: upstream.path,
    headers: forwardedHeaders(request),
  });
  outgoing.on('response', (answer) => {
    if (String(answer.headers['content-type']).startsWith('text/event-stream')) observer.streamStarted();
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  outgoing.on('error', () => {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendUnavailable(response, upstream.name);
  });
  // A page that closes its stream (or a long poll it gives up on) closes the reference server's side too.
  response.on('close', () => {
    outgoing.destroy();
    observer.ended();
  });
  request.pipe(outgoing);
}

/** Hands a WebSocket upgrade to the reference server and then pipes the two sockets into each other. */
export function forwardUpgrade(
  request: http.IncomingMessage,
  socket: Duplex,
  head: Buffer,
  upstream: Upstream,
  onOpen: () => ForwardObserver['ended'] = () => () => {},
): void {
  const outgoing = net.connect(upstream.port, '127.0.0.1');
  let connected = false;
  let closed: ForwardObserver['ended'] = () => {};
  const closeBoth = () => {
    socket.destroy();
    outgoing.destroy();
  };
  outgoing.once('connect', () => {
    connected = true;
    closed = onOpen();
    outgoing.write(upgradeRequestHead(request, upstream.path));
    if (head.length > 0) outgoing.write(head);
    outgoing.pipe(socket);
    socket.pipe(outgoing);
  });
  outgoing.on('error', () => {
    if (!connected) {
      socket.end(
        `HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${unavailableText(upstream.name)}`,
      );
      return;
    }
    closeBoth();
  });
  socket.on('error', closeBoth);
  outgoing.on('close', () => {
    if (connected) socket.destroy();
  });
  socket.on('close', () => {
    outgoing.destroy();
    closed();
  });
}

/**
 * The client's headers plus who asked: X-Forwarded-For keeps each device's own address visible behind the proxy.
 * Host and scheme are the ones the device used: ours, or those a TLS proxy on this host passed on (only a proxy
 * on loopback is believed), so 05's app names its broker `wss://class.example.org/05/broker` behind one.
 */
export function forwardedHeaders(request: http.IncomingMessage): http.OutgoingHttpHeaders {
  const headers: http.OutgoingHttpHeaders = { ...request.headers };
  const clientAddress = request.socket.remoteAddress ?? '';
  const earlier = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = earlier ? `${earlier}, ${clientAddress}` : clientAddress;
  const localProxy = isLoopback(clientAddress);
  const proxiedHost = localProxy ? firstValue(request.headers['x-forwarded-host']) : undefined;
  const proxiedProto = localProxy ? firstValue(request.headers['x-forwarded-proto']) : undefined;
  headers['x-forwarded-host'] = proxiedHost ?? request.headers.host ?? '';
  headers['x-forwarded-proto'] = proxiedProto ?? (isEncrypted(request) ? 'https' : 'http');
  return headers;
}

/** `https, http` → `https`: the value the first proxy set. */
function firstValue(header: string | string[] | undefined): string | undefined {
  const text = Array.isArray(header) ? header[0] : header;
  const first = text?.split(',')[0]?.trim();
  return first ? first : undefined;
}

/** The request line and headers of an upgrade, as the reference server must see them (raw, in order). */
export function upgradeRequestHead(request: http.IncomingMessage, path: string): string {
  const lines = [`${request.method ?? 'GET'} ${path} HTTP/1.1`];
  const headers = forwardedHeaders(request);
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index] ?? '';
    if (name.toLowerCase().startsWith('x-forwarded-')) continue;
    lines.push(`${name}: ${request.rawHeaders[index + 1] ?? ''}`);
  }
  for (const name of ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto']) {
    lines.push(`${name}: ${String(headers[name] ?? '')}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function sendUnavailable(response: http.ServerResponse, name: string): void {
  response.writeHead(502, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: unavailableText(name) }));
}

function unavailableText(name: string): string {
  return `The reference server of ${name} is not running (yet): see the output of pnpm class.`;
}

function isEncrypted(request: http.IncomingMessage): boolean {
  return 'encrypted' in request.socket && request.socket.encrypted === true;
}
