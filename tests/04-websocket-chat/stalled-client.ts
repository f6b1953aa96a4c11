// A client that stops reading, and a flood that shows whether the server cuts it off (backpressure) instead of
// buffering for it without end. Used against the reference (reference.spec.ts) and your server (task.spec.ts).
import type { Socket } from 'node:net';
import { expect } from '@playwright/test';
import { openStalledSocket } from '../harness/stalled-socket';
import { uniqueTag } from './chat-page';
import type { NodeChatClient } from './node-websocket';

/** The chat's open WebSocket connections, from its GET /stats. */
export async function openConnections(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/stats`);
  return ((await response.json()) as { openConnections: number }).openConnections;
}

/** POST /messages, as the README's curl command does. */
export function postMessage(
  baseUrl: string,
  body: string,
  contentType = 'application/json',
): Promise<Response> {
  return fetch(`${baseUrl}/messages`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

/**
 * A client that completes the WebSocket handshake and then never reads again, like a phone whose app was
 * frozen: the server's messages pile up for it.
 */
export function openStalledClient(httpUrl: string): Promise<Socket> {
  const handshake = [
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
  ];
  return openStalledSocket(httpUrl, 'GET / HTTP/1.1', handshake, 101);
}

/**
 * Chats in batches of about 20 kB that `reader` takes in each time, so only a stalled client falls behind,
 * until the open connections drop below `connectionsBefore` or 16 MB went out: the kernel's socket buffers
 * (a few MB on loopback) and the server's MAX_BUFFERED_BYTES fill long before. Posted over HTTP: one WebSocket
 * may send only 20 messages a second. Resolves with the open connections at the end.
 */
export async function floodUntilCutOff(
  baseUrl: string,
  reader: NodeChatClient,
  connectionsBefore: number,
): Promise<number> {
  const tag = uniqueTag();
  const batchSize = 20;
  const maxBatches = 800;
  const text = (index: number) => `${tag} ${index} ${'x'.repeat(950)}`;
  const deliveredCount = () =>
    reader.received.filter((envelope) =>
      String((envelope.data as { message?: string }).message).startsWith(`${tag} `),
    ).length;
  let batches = 0;
  let connections = connectionsBefore;
  while (connections === connectionsBefore && batches < maxBatches) {
    const batch = Array.from({ length: batchSize }, (_, offset) => text(batches * batchSize + offset));
    await Promise.all(
      batch.map((message) => postMessage(baseUrl, JSON.stringify({ username: 'Flood', message }))),
    );
    batches += 1;
    await expect
      .poll(deliveredCount, { message: 'the reading client gets every message', intervals: [10, 20, 50] })
      .toBe(batches * batchSize);
    connections = await openConnections(baseUrl);
  }
  return connections;
}
