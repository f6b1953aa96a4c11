// HTTP from a chosen loopback address: 127.0.0.1 is the attacker, 127.0.0.2 plays a second device in the room.

import { type IncomingHttpHeaders, request } from 'node:http';
import { createServer } from 'node:net';

export interface LoopbackRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The address the request comes from (default 127.0.0.1). */
  from?: string;
}

export interface LoopbackResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request on a connection of its own; the server's address is always 127.0.0.1. */
export function loopbackRequest(url: string, options: LoopbackRequest = {}): Promise<LoopbackResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', reject);
      },
    );
    // A server may answer 413 and close while a large body is still on its way: the answer counts.
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** POST with a JSON body (or any text with the content type given). */
export function postJson(
  url: string,
  body: unknown,
  options: Omit<LoopbackRequest, 'body' | 'method'> = {},
): Promise<LoopbackResponse> {
  return loopbackRequest(url, {
    ...options,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The `error` of a JSON error answer, or undefined when the body is no such object. */
export function errorText(response: LoopbackResponse): string | undefined {
  try {
    const parsed = JSON.parse(response.body) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether this machine can send from `address`: Linux and Windows route all of 127.0.0.0/8 to loopback, macOS
 * only 127.0.0.1 unless given an alias (`sudo ifconfig lo0 alias 127.0.0.2 up`).
 */
export function canSendFrom(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, address, () => probe.close(() => resolve(true)));
  });
}

/** Why a check that plays a second device is skipped on this machine. */
export const NO_SECOND_DEVICE =
  'needs a second loopback address to play another device (macOS: sudo ifconfig lo0 alias 127.0.0.2 up)';
