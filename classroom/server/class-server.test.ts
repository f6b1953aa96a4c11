// The class server's front door against real loopback servers: answers, streams and WebSockets pass through
// with the prefix removed, each device stays visible, and bad requests get clear errors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type ClassServer, createClassServer } from './class-server';
import { TrafficCounter } from './traffic-counter';

let upstream: http.Server;
let upstreamPort: number;
let chat: WebSocketServer;
let front: ClassServer;
let frontUrl: string;
let traffic: TrafficCounter;
/** Resolved when the upstream sees its SSE stream closed. */
let streamClosed: Promise<void>;

beforeEach(async () => {
  let onStreamClosed = () => {};
  streamClosed = new Promise((resolve) => {
    onStreamClosed = resolve;
  });
  upstream = http.createServer((request, response) => {
    if (request.url?.startsWith('/echo')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          url: request.url,
          forwardedFor: request.headers['x-forwarded-for'],
          origin: request.headers.origin,
        }),
      );
      return;
    }
    if (request.url === '/sse') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write('data: first\n\n');
      request.on('close', onStreamClosed);
      return;
    }
    response.writeHead(404).end();
  });
  chat = new WebSocketServer({ server: upstream });
  chat.on('connection', (socket, request) => {
    socket.send(`hello ${request.url} ${request.headers['x-forwarded-for']}`);
    socket.on('message', (data) => socket.send(`echo ${String(data)}`));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = (upstream.address() as AddressInfo).port;
  traffic = new TrafficCounter(['/04', '/09', '/05']);
  front = createClassServer({
    traffic,
    routes: [
      { prefix: '/04', port: upstreamPort, name: 'exercise 04' },
      { prefix: '/09', port: await closedPort(), name: 'exercise 09' },
      { prefix: '/05', port: upstreamPort, name: 'exercise 05' },
    ],
    own: (request, response) => {
      if (request.url === '/') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>Class server</h1>');
        return;
      }
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`own: ${request.url}`);
    },
  });
  const address = await front.listen(0, '127.0.0.1');
  frontUrl = `http://127.0.0.1:${address.port}`;
});

afterEach(async () => {
  await front.close();
  for (const client of chat.clients) client.terminate();
  chat.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('the class server', () => {
  it("answers 05's board page itself and forwards the board's API", async () => {
    const page = await fetch(`${frontUrl}/05/assets/index.js`);
    expect(await page.text()).toBe('own: /05/assets/index.js');
    const api = (await (await fetch(`${frontUrl}/05/echo/api`)).json()) as { url: string };
    expect(api.url).toBe('/echo/api');
  });

  it('forwards /04/... as /... and names the device in X-Forwarded-For', async () => {
    const answer = await fetch(`${frontUrl}/04/echo?x=1`, { headers: { Origin: 'http://localhost:5173' } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      url: '/echo?x=1',
      forwardedFor: '127.0.0.1',
      origin: 'http://localhost:5173',
    });
  });

  it('keeps an address a device claims to the left of the one it really has', async () => {
    const answer = await fetch(`${frontUrl}/04/echo`, { headers: { 'X-Forwarded-For': '6.6.6.6' } });
    const body = (await answer.json()) as { forwardedFor: string };
    expect(body.forwardedFor).toBe('6.6.6.6, 127.0.0.1');
  });

  it('passes a stream on as it comes, and closes the upstream stream when the page goes away', async () => {
    const controller = new AbortController();
    const answer = await fetch(`${frontUrl}/04/sse`, { signal: controller.signal });
    expect(answer.headers.get('content-type')).toBe('text/event-stream');
    const reader = answer.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe('data: first\n\n');
    expect(trafficOf('/04')).toMatchObject({ eventStreams: 1, openRequests: 0 });
    controller.abort();
    await streamClosed;
    await vi.waitFor(() => expect(trafficOf('/04')).toMatchObject({ eventStreams: 0, openRequests: 0 }));
  });

  it('carries a WebSocket both ways, with the prefix removed', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${new URL(frontUrl).port}/04/?name=Ada`);
    const messages: string[] = [];
    const twoMessages = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        messages.push(String(data));
        if (messages.length === 2) resolve();
      });
    });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send('hi');
    await twoMessages;
    expect(messages).toEqual(['hello /?name=Ada 127.0.0.1', 'echo hi']);
    expect(trafficOf('/04').webSockets).toBe(1);
    socket.close();
    await vi.waitFor(() => expect(trafficOf('/04').webSockets).toBe(0));
  });

  it('hands a path without an exercise to its own routes, unchanged', async () => {
    const answer = await fetch(`${frontUrl}/07/x?y=1`);
    expect(answer.status).toBe(404);
    expect(await answer.text()).toBe('own: /07/x?y=1');
  });

  it('answers 502 with a JSON error while a reference server is down, and a WebSocket gets 502 too', async () => {
    const answer = await fetch(`${frontUrl}/09/api`);
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({
      error: 'The reference server of exercise 09 is not running (yet): see the output of pnpm class.',
    });
    const socket = new WebSocket(`ws://127.0.0.1:${new URL(frontUrl).port}/09`);
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.on('error', () => resolve(undefined));
    });
    expect(status).toBe(502);
  });

  it('leaves / to its own routes, and answers garbage with 400 and goes on', async () => {
    const page = await fetch(`${frontUrl}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<h1>Class server</h1>');
    const reply = await rawExchange(new URL(frontUrl).port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1.1 400 Bad Request/);
    expect((await fetch(`${frontUrl}/04/echo`)).status).toBe(200);
  });
});

function trafficOf(prefix: string) {
  const found = traffic.snapshot().find((route) => route.prefix === prefix);
  if (!found) throw new Error(`no traffic for ${prefix}`);
  return found;
}

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function rawExchange(port: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString();
    });
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
  });
}
