// The technique arena on the class server: its page, its counts and every technique's stream pass through the
// one port phones reach, and only the instructor's key changes it. On the class server loopback is no
// instructor (a TLS proxy on this host forwards every phone), so a request from here without the key is a phone's.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ArenaInfo, ArenaSettings } from '../../arena/server/arena-messages';
import { type Arena, startArena } from '../../arena/server/arena-server';
import { createClassApp } from './class-app';
import { ARENA_REFUSAL, arenaRoutes } from './class-arena';
import { CLASS_ROUTES } from './class-routes';
import { type ClassServer, createClassServer } from './class-server';
import { ProgressStore } from './progress-store';
import { TrafficCounter } from './traffic-counter';

const KEY = 'test-instructor-key-0123';
let arena: Arena;
let front: ClassServer;
let classUrl: string;

beforeAll(async () => {
  arena = await startArena({
    port: 0,
    pageScript: '// the arena page',
    behindProxy: true,
    settings: { rateMs: 200 },
    countsEveryMs: 100,
  });
  const app = createClassApp({
    routes: CLASS_ROUTES,
    store: new ProgressStore(),
    instructorKey: KEY,
    boardScript: '// board',
    traffic: new TrafficCounter([]),
    arena: true,
  });
  front = createClassServer({ routes: arenaRoutes(arena, KEY), own: app, traffic: new TrafficCounter([]) });
  const address: AddressInfo = await front.listen(0, '127.0.0.1');
  classUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await front?.close();
  await arena?.close();
});

/** Reads an event stream through the class server until `pattern` appears, then closes it. */
async function readStreamUntil(url: string, pattern: RegExp): Promise<RegExpExecArray> {
  const stop = new AbortController();
  const response = await fetch(url, { signal: stop.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>)
    .pipeThrough(new TextDecoderStream())
    .getReader();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`The stream ended before ${pattern}: ${text}`);
      text += value;
      const found = pattern.exec(text);
      if (found) return found;
    }
  } finally {
    stop.abort();
  }
}

/** The first message a WebSocket through the class server receives that `accept` takes. */
function firstMessage(socket: WebSocket, accept: (data: unknown) => boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as unknown;
      if (accept(message)) resolve(message);
    });
    socket.once('error', reject);
    socket.once('close', (code) => reject(new Error(`closed with ${code} before the message`)));
  });
}

function postSettings(body: Partial<ArenaSettings>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${classUrl}/arena/api/arena/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the arena on the class server', () => {
  it('links the arena from the start page and serves its page at /arena/ (and sends /arena there)', async () => {
    const start = await (await fetch(`${classUrl}/`)).text();
    expect(start).toContain(`href="${classUrl}/arena/" data-ui="arena-link"`);
    const page = await fetch(`${classUrl}/arena/`, { headers: { 'Accept-Language': 'en' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>The technique arena</title>');
    expect(html, 'the page says which hop its bytes are').toContain('data-ui="proxy-hop"');
    const bare = await fetch(`${classUrl}/arena?lang=de`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/arena/?lang=de');
  });

  it('tells the page to reach each technique beside itself, and that changes need the key', async () => {
    const info = (await (await fetch(`${classUrl}/arena/api/arena`)).json()) as ArenaInfo;
    expect(info.techniques.map((technique) => technique.url)).toEqual([
      't/short-polling',
      't/long-polling',
      't/sse',
      't/websocket',
      't/pubsub',
    ]);
    expect(info.changesNeedKey).toBe(true);
  });

  it('streams the counts and a notification over SSE through the class server', async () => {
    await readStreamUntil(`${classUrl}/arena/api/arena/events`, /event: counts\n/);
    const [, data] = await readStreamUntil(
      `${classUrl}/arena/t/sse/events`,
      /event: notification\ndata: (.+)\n/,
    );
    expect(JSON.parse(data ?? '')).toMatchObject({ id: expect.any(Number) });
    expect(
      arena.techniques.find((technique) => technique.id === 'sse')?.meter.bytes,
      'the SSE server counts the class server’s hop',
    ).toBeGreaterThan(0);
  });

  it('delivers a notification over the WebSocket and the broker (pub/sub) through the class server', async () => {
    const { lastId } = (await (await fetch(`${classUrl}/arena/api/arena`)).json()) as ArenaInfo;
    const socket = new WebSocket(`${classUrl.replace('http', 'ws')}/arena/t/websocket/?since=${lastId}`);
    try {
      expect(await firstMessage(socket, () => true)).toMatchObject({ id: expect.any(Number) });
    } finally {
      socket.terminate();
    }
    const { token } = (await (await fetch(`${classUrl}/arena/api/arena/token`)).json()) as { token: string };
    // A page at /arena/ sends the class server's own origin: the broker takes it as the same origin.
    const subscriber = new WebSocket(
      `${classUrl.replace('http', 'ws')}/arena/t/pubsub/connect?token=${token}`,
      {
        headers: { Origin: classUrl },
      },
    );
    try {
      subscriber.once('open', () => subscriber.send(JSON.stringify({ type: 'subscribe', channel: 'arena' })));
      const message = await firstMessage(subscriber, (data) => (data as { type: string }).type === 'message');
      expect(message).toMatchObject({ data: { id: expect.any(Number) } });
    } finally {
      subscriber.terminate();
    }
  });

  it('refuses the settings and the network drop to a device without the key, and takes them with it', async () => {
    const phones: Record<string, string>[] = [
      {},
      { 'X-Forwarded-For': '192.168.1.57' },
      { Authorization: 'Bearer guessed' },
    ];
    for (const headers of phones) {
      const refused = await postSettings({ rateMs: 1_000 }, headers);
      expect(refused.status, `settings with ${JSON.stringify(headers)}`).toBe(403);
      expect(await refused.json()).toEqual({ error: ARENA_REFUSAL });
    }
    const drop = await fetch(`${classUrl}/arena/api/arena/drop`, { method: 'POST' });
    expect(drop.status, 'the network drop without the key').toBe(403);
    const unchanged = (await (await fetch(`${classUrl}/arena/api/arena`)).json()) as ArenaInfo;
    expect(unchanged.settings.rateMs).toBe(200);

    const changed = await postSettings({ rateMs: 1_000 }, { Authorization: `Bearer ${KEY}` });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as ArenaSettings).rateMs).toBe(1_000);
    const dropped = await fetch(`${classUrl}/arena/api/arena/drop`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}` },
    });
    expect(await dropped.json()).toEqual({ dropped: true });
  });
});
