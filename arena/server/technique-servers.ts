// The five techniques of the arena, each on a port of its own, so that what crosses each one's sockets is
// that technique's alone. All five deliver the same feed at the same moment.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { formatSseEvent } from '../../solutions/03-sse-notifications/server/sse-frame';
import { createBroker } from '../../solutions/05-pubsub-broker/broker/app';
import { createMemoryEngine } from '../../solutions/05-pubsub-broker/broker/memory-engine';
import type { BoardChannel } from '../../solutions/05-pubsub-broker/protocol/messages';
import { signSubscribeToken } from '../../solutions/05-pubsub-broker/server/subscribe-token';
import type { ArenaNotification, NotificationFeed } from './notification-feed';
import { SocketMeter } from './socket-meter';

export type TechniqueId = 'short-polling' | 'long-polling' | 'sse' | 'websocket' | 'pubsub';

export const TECHNIQUES: readonly TechniqueId[] = [
  'short-polling',
  'long-polling',
  'sse',
  'websocket',
  'pubsub',
];

/** A long poll that sees nothing new is answered 204 after this, as exercise 02 does. */
const LONG_POLL_HOLD_MS = 25_000;
/** The broker's channel for the arena's feed. */
export const ARENA_CHANNEL = 'arena';

export interface TechniqueServer {
  id: TechniqueId;
  port: number;
  meter: SocketMeter;
  /** HTTP requests and WebSocket handshakes it answered. */
  requests: number;
  /** Answers that carried no notification: an empty short poll, a long poll that timed out. */
  emptyAnswers: number;
  close(): Promise<void>;
}

/** Starts all five on free ports of `host`; `pageOrigins` are the arena page's, which the broker lets in. */
export async function startTechniqueServers(
  feed: NotificationFeed,
  host: string,
  pageOrigins: readonly string[],
): Promise<{ servers: TechniqueServer[]; pubsubToken: () => Promise<string> }> {
  const pubsub = await startPubSub(feed, host, pageOrigins);
  const servers = [
    await startHttpTechnique('short-polling', host, (technique) => shortPolling(feed, technique)),
    await startHttpTechnique('long-polling', host, (technique) => longPolling(feed, technique)),
    await startHttpTechnique('sse', host, () => sse(feed)),
    await startWebSocket(feed, host),
    pubsub.server,
  ];
  return { servers, pubsubToken: pubsub.token };
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

async function startHttpTechnique(
  id: TechniqueId,
  host: string,
  makeHandler: (technique: TechniqueServer) => Handler,
): Promise<TechniqueServer> {
  const server = createServer();
  const technique = await listening(id, server, host);
  const handle = makeHandler(technique);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    technique.requests += 1;
    // The arena page comes from another port: it may read these answers (public demo data, no cookies).
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Last-Event-ID');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    handle(request, response);
  });
  return technique;
}

async function listening(id: TechniqueId, server: Server, host: string): Promise<TechniqueServer> {
  const meter = new SocketMeter();
  meter.watch(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    id,
    port: (server.address() as AddressInfo).port,
    meter,
    requests: 0,
    emptyAnswers: 0,
    close: () => closeServer(server, meter),
  };
}

function closeServer(server: net.Server, meter: SocketMeter): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    meter.dropAll();
  });
}

/** `GET /notifications?since=7`: what came after 7, at once; an empty list when nothing did. */
function shortPolling(feed: NotificationFeed, technique: TechniqueServer): Handler {
  return (request, response) => {
    const found = feed.after(sinceOf(request));
    if (found.length === 0) technique.emptyAnswers += 1;
    sendJson(response, 200, found);
  };
}

/** `GET /updates?since=7`: what came after 7, or waits for the next one; 204 after 25 s of nothing. */
function longPolling(feed: NotificationFeed, technique: TechniqueServer): Handler {
  return (request, response) => {
    const waiting = feed.after(sinceOf(request));
    if (waiting.length > 0) {
      sendJson(response, 200, waiting);
      return;
    }
    const stop = feed.subscribe((notification) => {
      finish();
      sendJson(response, 200, [notification]);
    });
    const timer = setTimeout(() => {
      finish();
      technique.emptyAnswers += 1;
      response.writeHead(204).end();
    }, LONG_POLL_HOLD_MS);
    const finish = () => {
      stop();
      clearTimeout(timer);
    };
    response.once('close', finish);
  };
}

/** `GET /events`: one stream, every notification as an event; Last-Event-ID resumes after a drop. */
function sse(feed: NotificationFeed): Handler {
  return (request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    const lastId = Number(request.headers['last-event-id'] ?? Number.NaN);
    const missed = Number.isInteger(lastId) ? feed.after(lastId) : [];
    response.write('retry: 1000\n\n');
    for (const notification of missed) response.write(frame(notification));
    const stop = feed.subscribe((notification) => response.write(frame(notification)));
    response.once('close', stop);
  };
}

function frame(notification: ArenaNotification): string {
  return formatSseEvent({
    event: 'notification',
    id: String(notification.id),
    data: JSON.stringify(notification),
  });
}

/** One WebSocket per client; every notification is one JSON message to each. */
async function startWebSocket(feed: NotificationFeed, host: string): Promise<TechniqueServer> {
  const server = createServer((_request, response) => response.writeHead(426).end());
  const technique = await listening('websocket', server, host);
  const wss = new WebSocketServer({ server, maxPayload: 1024 });
  server.on('upgrade', () => {
    technique.requests += 1;
  });
  wss.on('connection', (client, request) => {
    client.on('error', () => client.terminate());
    const since = Number(new URL(request.url ?? '/', 'http://arena').searchParams.get('since'));
    for (const missed of Number.isInteger(since) ? feed.after(since) : [])
      client.send(JSON.stringify(missed));
  });
  feed.subscribe((notification) => {
    const text = JSON.stringify(notification);
    for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(text);
  });
  return technique;
}

/**
 * Exercise 05's broker, unchanged, on a private port; the arena publishes to it as an app backend would.
 * Subscribers reach it through a counting relay on the public port: its sockets are the ones they use.
 */
async function startPubSub(
  feed: NotificationFeed,
  host: string,
  pageOrigins: readonly string[],
): Promise<{ server: TechniqueServer; token: () => Promise<string> }> {
  const secrets = {
    publisherKey: randomBytes(18).toString('base64url'),
    tokenSecret: randomBytes(32).toString('base64url'),
  };
  const broker = createBroker({
    engine: createMemoryEngine({ historySize: 100 }),
    // The page comes from the arena's port; the broker checks the Origin of every subscriber.
    allowedOrigins: pageOrigins,
    subscribeTokenSecret: secrets.tokenSecret,
    publisherKey: secrets.publisherKey,
    heartbeatMs: 30_000,
    maxBufferedBytes: 1 << 20,
    keepAliveMs: 15_000,
  });
  const { port: brokerPort } = await broker.listen(0);
  const relay = net.createServer((socket) => {
    technique.requests += 1;
    const upstream = net.connect(brokerPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
  });
  const meter = new SocketMeter();
  meter.watch(relay);
  await new Promise<void>((resolve) => relay.listen(0, host, resolve));
  const technique: TechniqueServer = {
    id: 'pubsub',
    port: (relay.address() as AddressInfo).port,
    meter,
    requests: 0,
    emptyAnswers: 0,
    close: async () => {
      stop();
      await closeServer(relay, meter);
      await broker.close();
    },
  };
  const stop = feed.subscribe((notification) => {
    void fetch(`http://127.0.0.1:${brokerPort}/publish`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secrets.publisherKey}` },
      body: JSON.stringify({ channel: ARENA_CHANNEL, event: 'notification', data: notification }),
    }).catch(() => {});
  });
  const token = () =>
    signSubscribeToken(
      { id: randomBytes(6).toString('hex'), name: 'arena' },
      // The broker takes any channel name; the token helper is typed for the idea board's.
      [ARENA_CHANNEL as BoardChannel],
      { secret: secrets.tokenSecret, ttlSeconds: 3600 },
    );
  return { server: technique, token };
}

function sinceOf(request: IncomingMessage): number {
  const since = Number(new URL(request.url ?? '/', 'http://arena').searchParams.get('since'));
  return Number.isInteger(since) ? since : 0;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
