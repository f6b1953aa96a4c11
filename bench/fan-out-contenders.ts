// The servers `pnpm bench fan-out` compares: the kit's own (04's chat, 03's SSE feed, 05's broker, unchanged)
// and what a bare loop or a popular library does with the same job. Each starts on a free loopback port.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocket, WebSocketServer } from 'ws';
import { createNotificationServer } from '../solutions/03-sse-notifications/server/app';
import { createChatServer } from '../solutions/04-websocket-chat/server/app';
import { createBroker } from '../solutions/05-pubsub-broker/broker/app';
import type { BrokerEngine } from '../solutions/05-pubsub-broker/broker/broker-engine';
import { createMemoryEngine } from '../solutions/05-pubsub-broker/broker/memory-engine';
import type { BoardChannel } from '../solutions/05-pubsub-broker/protocol/messages';
import { signSubscribeToken } from '../solutions/05-pubsub-broker/server/subscribe-token';
import { BENCH_ORIGIN, benchChannel, type ContenderId, type ServerReady } from './fan-out-messages';

/** What several brokers of one scale-out run share; alone, a broker makes up its own. */
export interface ContenderOptions {
  redisUrl?: string;
  publisherKey?: string;
  tokenSecret?: string;
  redisKeyPrefix?: string;
  /** The broker's subscribe token allows channels bench-0 … bench-(channels - 1). */
  channels: number;
}

export interface RunningContender {
  ready: ServerReady;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** The benchmark's clients read as fast as they can; a slow-client limit would only cut off the bench. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export async function startContender(id: ContenderId, options: ContenderOptions): Promise<RunningContender> {
  switch (id) {
    case 'chat-04':
      return startChat04();
    case 'bare-ws':
    case 'bare-ws-publish':
      return startBareWebSocket();
    case 'socket-io':
      return startSocketIo();
    case 'sse-03':
      return startSse03();
    case 'bare-sse':
      return startBareSse();
    case 'broker-05-memory':
      return startBroker05(createMemoryEngine({ historySize: 100 }), options);
    case 'broker-05-redis':
      return startBroker05(await openRedisEngine(options), options);
  }
}

async function startChat04(): Promise<RunningContender> {
  const chat = createChatServer({ transport: 'websocket', allowedOrigins: [BENCH_ORIGIN] });
  const address = await chat.listen(0);
  return { ready: { type: 'ready', port: address.port }, close: () => chat.close() };
}

async function startSse03(): Promise<RunningContender> {
  const feed = createNotificationServer({
    allowedOrigins: [BENCH_ORIGIN],
    maxBufferedBytes: MAX_BUFFERED_BYTES,
    // The bench publishes as fast as the deliveries allow; the limit protects a class from a script, not this.
    postRateLimit: { maxRequests: 1_000_000, windowMs: 1_000 },
    // Only the bench's broadcasts, as the bare loop gets: no demo notifications in between.
    randomNotifications: false,
  });
  const address = await feed.listen(0);
  return { ready: { type: 'ready', port: address.port }, close: () => feed.close() };
}

async function startBroker05(engine: BrokerEngine, options: ContenderOptions): Promise<RunningContender> {
  const publisherKey = options.publisherKey ?? randomBytes(18).toString('base64url');
  const tokenSecret = options.tokenSecret ?? randomBytes(32).toString('base64url');
  const broker = createBroker({
    engine,
    allowedOrigins: [BENCH_ORIGIN],
    subscribeTokenSecret: tokenSecret,
    publisherKey,
    heartbeatMs: 30_000,
    maxBufferedBytes: MAX_BUFFERED_BYTES,
    keepAliveMs: 15_000,
  });
  const address = await broker.listen(0);
  const subscribeToken = await signSubscribeToken(
    { id: 'bench', name: 'bench' },
    // The broker takes any channel name; the token helper is typed for the idea board's.
    Array.from(
      { length: options.channels },
      (_, index) => benchChannel(index, options.channels) as BoardChannel,
    ),
    { secret: tokenSecret, ttlSeconds: 3_600 },
  );
  return {
    ready: { type: 'ready', port: address.port, subscribeToken, publisherKey },
    close: () => broker.close(),
  };
}

async function openRedisEngine({ redisUrl, redisKeyPrefix }: ContenderOptions): Promise<BrokerEngine> {
  if (!redisUrl) throw new Error('broker-05-redis needs a Redis (REDIS_URL).');
  const { createRedisEngine } = await import('../solutions/05-pubsub-broker/broker/redis-engine');
  return createRedisEngine({
    url: redisUrl,
    // A prefix of its own per run (shared by the brokers of one run): nothing from an earlier run is in it.
    keyPrefix: redisKeyPrefix ?? `bench-${randomBytes(4).toString('hex')}:`,
    historySize: 100,
    presenceTtlMs: 30_000,
  });
}

/**
 * The bare loop: what every client sends goes to every client as it is, and every `POST /publish` as the
 * broker's message. No validation, no limits, no history: the least a WebSocket server can do.
 */
async function startBareWebSocket(): Promise<RunningContender> {
  let nextId = 1;
  const server = createServer((request, response) => {
    if (request.method !== 'POST') return void response.writeHead(404).end();
    readBody(request, (body) => {
      // The same message 05's broker sends, so both put the same bytes on the wire.
      const { channel, event, data } = JSON.parse(body) as { channel: string; event: string; data: unknown };
      broadcast(JSON.stringify({ type: 'message', channel, id: `k3x9q1ab-${nextId++}`, event, data }));
      response.writeHead(204).end();
    });
  });
  const wss = new WebSocketServer({ server });
  const broadcast = (text: string) => {
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
  };
  wss.on('connection', (client) => {
    client.on('message', (data) => broadcast(String(data)));
    client.on('error', () => client.terminate());
  });
  const port = await listen(server);
  return {
    ready: { type: 'ready', port },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await closeServer(server);
    },
  };
}

/** Socket.IO 4, WebSocket transport only: each `chat` event goes to everyone as `chat.message`. */
async function startSocketIo(): Promise<RunningContender> {
  const server = createServer();
  const io = new SocketIoServer(server, { transports: ['websocket'], serveClient: false });
  let nextId = 1;
  io.on('connection', (socket) => {
    socket.on('chat', (input: { username: string; message: string }) => {
      io.emit('chat.message', { ...input, id: String(nextId++), timestamp: new Date().toISOString() });
    });
  });
  const port = await listen(server);
  return {
    ready: { type: 'ready', port },
    close: async () => {
      await io.close();
    },
  };
}

/**
 * The bare SSE loop: `GET /events` holds the response open; `POST /publish` writes one event to each. No
 * validation, no limits, no history, no check for a client that stopped reading.
 */
async function startBareSse(): Promise<RunningContender> {
  const streams = new Set<ServerResponse>();
  let nextId = 1;
  const server = createServer((request, response) => {
    if (request.method === 'GET') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      // Node sends the headers with the first write; the client waits for them to know the stream is open.
      response.flushHeaders();
      streams.add(response);
      response.once('close', () => streams.delete(response));
      return;
    }
    readBody(request, (body) => {
      // The same event 03 sends, so both put the same bytes on the wire and the clients parse the same JSON.
      const input = JSON.parse(body) as { title: string; message: string };
      const id = String(nextId++);
      const notification = { id, title: input.title, message: input.message, time: new Date().toISOString() };
      const frame = `event: notification\nid: ${id}\ndata: ${JSON.stringify(notification)}\n\n`;
      for (const stream of streams) stream.write(frame);
      response.writeHead(204).end();
    });
  });
  const port = await listen(server);
  return {
    ready: { type: 'ready', port },
    close: async () => {
      for (const stream of streams) stream.destroy();
      await closeServer(server);
    },
  };
}

function readBody(request: IncomingMessage, onBody: (body: string) => void): void {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => {
    body += chunk;
  });
  request.on('end', () => onBody(body));
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
