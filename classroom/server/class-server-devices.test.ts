// Behind the class server every request reaches a reference server from loopback. The reference servers trust
// loopback's X-Forwarded-For, so their per-address limits still hold per device: one device that floods
// gets 429, the next device in the room is still served. (127.0.0.2 and 127.0.0.3 play two laptops.)
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNotificationServer,
  type NotificationServer,
} from '../../solutions/01-short-polling/server/app';
import { type ClassServer, createClassServer } from './class-server';

let reference: NotificationServer;
let front: ClassServer;
let frontPort: number;

beforeAll(async () => {
  reference = createNotificationServer({
    allowedOrigins: ['http://localhost:5173'],
    postRateLimit: { maxRequests: 3, windowMs: 60_000 },
  });
  const referenceAddress = await reference.listen(0);
  front = createClassServer({
    routes: [{ prefix: '/01', port: referenceAddress.port, name: 'exercise 01' }],
    own: (_request, response) => response.writeHead(404).end(),
  });
  frontPort = (await front.listen(0, '127.0.0.1')).port;
});

afterAll(async () => {
  await front.close();
  await reference.close();
});

describe('per-device limits behind the class server', () => {
  it('answers 429 to the device that posts too often, and still takes the next device’s post', async () => {
    const first = [];
    for (let index = 0; index < 4; index += 1) first.push(await postFrom('127.0.0.2', `flood ${index}`));
    expect(first).toEqual([201, 201, 201, 429]);
    expect(await postFrom('127.0.0.3', 'another laptop')).toBe(201);
  });
});

/** POST /01/notifications through the class server, sent from `localAddress`. */
function postFrom(localAddress: string, title: string): Promise<number> {
  const body = JSON.stringify({ title, message: 'from a laptop in the room' });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: frontPort,
        localAddress,
        method: 'POST',
        path: '/01/notifications',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
