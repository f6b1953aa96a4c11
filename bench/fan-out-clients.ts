// `pnpm bench fan-out`'s clients: a child process that holds the connections to every contender, starts each
// broadcast and times its arrival at every client. Sender and receivers share this process's clock.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createParser } from 'eventsource-parser';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import {
  BENCH_ORIGIN,
  benchChannel,
  type ClientCommand,
  type ClientReply,
  type ContenderId,
} from './fan-out-messages';

type ConnectCommand = Extract<ClientCommand, { type: 'connect' }>;

/** One client's connection. `send` exists where the broadcast starts from a client (chat, Socket.IO). */
interface Connection {
  send?(text: string): void;
  close(): void;
}

/** One published message on its way: how many clients should get it, and when the ones that did got it. */
interface Broadcast {
  sentAt: number;
  expected: number;
  received: number;
  delaysMs: number[];
  /** Called once every expected client has it. */
  onComplete?(): void;
}

interface Group {
  command: ConnectCommand;
  connections: Connection[];
  /** Clients per channel (index = channel number). */
  members: number[];
  /** Messages under way, by sequence number; only these count when they arrive. */
  pending: Map<number, Broadcast>;
  sequence: number;
}

/** Connections opened at once; more only make the handshakes queue up in the server. */
const CONNECT_CONCURRENCY = 100;
const CONNECT_BOUND_MS = 30_000;
/** A broadcast whose deliveries are not all in after this counts the missing ones as lost. */
const DELIVERY_BOUND_MS = 15_000;

const groups = new Map<ContenderId, Group>();

process.on('message', (command: ClientCommand) => {
  void handle(command)
    .then(reply)
    .catch((error: unknown) =>
      reply({ type: 'failed', contender: command.contender, reason: String(error) }),
    );
});
process.on('disconnect', () => process.exit(0));

function reply(message: ClientReply): void {
  process.send?.(message);
}

async function handle(command: ClientCommand): Promise<ClientReply> {
  if (command.type === 'connect') {
    // A second connect adds clients to the ones there are: the bench measures memory between the two.
    const group = groups.get(command.contender) ?? newGroup(command);
    groups.set(command.contender, group);
    await connectMore(group, command.count);
    return { type: 'connected', contender: command.contender, count: group.connections.length };
  }
  const group = groups.get(command.contender);
  if (!group) throw new Error(`${command.contender} is not connected.`);
  if (command.type === 'broadcast') return broadcastTimes(group, command.times);
  if (command.type === 'load') return load(group, command.perSecond, command.durationMs);
  if (command.type === 'usage') {
    const cpu = process.cpuUsage();
    return { type: 'usage', contender: command.contender, cpuMicros: cpu.user + cpu.system };
  }
  for (const connection of group.connections) connection.close();
  groups.delete(command.contender);
  return { type: 'disconnected', contender: command.contender };
}

function newGroup(command: ConnectCommand): Group {
  const members = Array.from({ length: command.channels ?? 1 }, () => 0);
  return { command, connections: [], members, pending: new Map(), sequence: 0 };
}

/** Opens `count` more connections; client i subscribes to channel i % channels. */
async function connectMore(group: Group, count: number): Promise<void> {
  const first = group.connections.length;
  let started = 0;
  const worker = async () => {
    while (started < count) {
      const index = first + started;
      started += 1;
      group.connections.push(await withBound(connect(group, index), CONNECT_BOUND_MS, 'connecting a client'));
      const channel = index % group.members.length;
      group.members[channel] = (group.members[channel] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count) }, worker));
}

// #region broadcast
async function broadcastTimes(
  group: Group,
  times: number,
): Promise<Extract<ClientReply, { type: 'delivered' }>> {
  const delaysMs: number[] = [];
  let lost = 0;
  for (let time = 0; time < times; time += 1) {
    const broadcast = await broadcastOnce(group);
    delaysMs.push(...broadcast.delaysMs);
    lost += broadcast.expected - broadcast.received;
  }
  return { type: 'delivered', contender: group.command.contender, delaysMs, lost };
}

/** Publishes one message and resolves once every client has it, or after the bound. */
async function broadcastOnce(group: Group): Promise<Broadcast> {
  const { sequence, broadcast } = start(group);
  const complete = new Promise<void>((resolve) => {
    broadcast.onComplete = resolve;
  });
  await publish(group, sequence, broadcast);
  await withBound(complete, DELIVERY_BOUND_MS, 'a broadcast').catch(() => {});
  group.pending.delete(sequence);
  return broadcast;
}

/** Publishes `perSecond` messages a second for `durationMs`, then waits for the stragglers (bounded). */
async function load(
  group: Group,
  perSecond: number,
  durationMs: number,
): Promise<Extract<ClientReply, { type: 'delivered' }>> {
  const started: Broadcast[] = [];
  const publishing: Array<Promise<void>> = [];
  const begin = now();
  const total = Math.round((perSecond * durationMs) / 1000);
  for (let index = 0; index < total; index += 1) {
    // Open loop: each message leaves at its time, whether or not the ones before have arrived.
    const due = begin + (index * 1000) / perSecond;
    if (due > now()) await sleep(due - now());
    const { sequence, broadcast } = start(group);
    started.push(broadcast);
    publishing.push(publish(group, sequence, broadcast));
  }
  await Promise.all(publishing);
  const everyoneHasAll = () => started.every((broadcast) => broadcast.received === broadcast.expected);
  const drainUntil = now() + DELIVERY_BOUND_MS;
  while (!everyoneHasAll() && now() < drainUntil) await sleep(50);
  group.pending.clear();
  const delaysMs = started.flatMap((broadcast) => broadcast.delaysMs);
  const lost = started.reduce((sum, broadcast) => sum + broadcast.expected - broadcast.received, 0);
  return { type: 'delivered', contender: group.command.contender, delaysMs, lost };
}

function start(group: Group): { sequence: number; broadcast: Broadcast } {
  group.sequence += 1;
  const sequence = group.sequence;
  const channel = channelOf(group, sequence);
  const expected = group.command.publishPath ? (group.members[channel] ?? 0) : group.connections.length;
  const broadcast: Broadcast = { sentAt: now(), expected, received: 0, delaysMs: [] };
  group.pending.set(sequence, broadcast);
  return { sequence, broadcast };
}

/** Every client calls this with what arrived; only messages under way count. */
function arrived(group: Group, text: string | undefined): void {
  if (!text?.startsWith('bench ')) return;
  const [, sequence, sentAt] = text.split(' ');
  const broadcast = group.pending.get(Number(sequence));
  if (!broadcast) return;
  broadcast.delaysMs.push(now() - Number(sentAt));
  broadcast.received += 1;
  if (broadcast.received === broadcast.expected) broadcast.onComplete?.();
}
// #endregion broadcast

/** Sends message `sequence` from one of the clients (chat, Socket.IO), or by HTTP POST as an app backend. */
async function publish(group: Group, sequence: number, broadcast: Broadcast): Promise<void> {
  const text = `bench ${sequence} ${broadcast.sentAt}`;
  const { command } = group;
  if (!command.publishPath) {
    // A different client each time, as in a real chat: 04 cuts off one client that sends over 20 a second.
    const sender = group.connections[sequence % group.connections.length];
    sender?.send?.(JSON.stringify({ event: 'chat', data: chatInput(text) }));
    return;
  }
  const channels = command.channels ?? 1;
  const body =
    command.kind === 'sse'
      ? { title: 'bench', message: text }
      : { channel: benchChannel(sequence, channels), event: 'bench', data: { message: text } };
  const baseUrl = command.baseUrls[sequence % command.baseUrls.length];
  const response = await fetch(`${baseUrl}${command.publishPath}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(command.publisherKey ? { Authorization: `Bearer ${command.publisherKey}` } : {}),
    },
    body: JSON.stringify(body),
  });
  // A refused publish is a bug in the bench, not a lost message: it stops the run with the server's answer.
  if (!response.ok) throw new Error(`publish: HTTP ${response.status} ${await response.text()}`);
}

function channelOf(group: Group, sequence: number): number {
  return sequence % (group.command.channels ?? 1);
}

function connect(group: Group, index: number): Promise<Connection> {
  const { kind, baseUrls } = group.command;
  const baseUrl = baseUrls[index % baseUrls.length] as string;
  if (kind === 'socket-io') return connectSocketIo(group, baseUrl);
  if (kind === 'sse') return connectSse(group, baseUrl);
  return connectWebSocket(group, baseUrl, index);
}

function connectWebSocket(group: Group, baseUrl: string, index: number): Promise<Connection> {
  const { path, kind, subscribeToken } = group.command;
  const channel = benchChannel(index, group.command.channels ?? 1);
  const query = subscribeToken ? `?token=${encodeURIComponent(subscribeToken)}` : '';
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}${query}`, {
    headers: { Origin: BENCH_ORIGIN },
    perMessageDeflate: false,
  });
  const connection: Connection = { send: (text) => socket.send(text), close: () => socket.terminate() };
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => {
      if (kind !== 'broker') resolve(connection);
      else socket.send(JSON.stringify({ type: 'subscribe', channel }));
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type?: string };
      if (message.type === 'subscribed') resolve(connection);
      arrived(group, benchText(message));
    });
  });
}

function connectSocketIo(group: Group, baseUrl: string): Promise<Connection> {
  const socket: Socket = io(baseUrl, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { Origin: BENCH_ORIGIN },
  });
  const connection: Connection = {
    send: (text) => {
      const envelope = JSON.parse(text) as { data: unknown };
      socket.emit('chat', envelope.data);
    },
    close: () => socket.disconnect(),
  };
  socket.on('chat.message', (message: unknown) => arrived(group, benchText(message)));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(connection));
    socket.once('connect_error', reject);
  });
}

function connectSse(group: Group, baseUrl: string): Promise<Connection> {
  const parser = createParser({
    onEvent: (event) => arrived(group, benchText(JSON.parse(event.data))),
  });
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}${group.command.path}`, { agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`SSE: HTTP ${response.statusCode}`));
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => parser.feed(chunk));
      resolve({ close: () => request.destroy() });
    });
    request.on('error', reject);
  });
}

/** The bench's text wherever the server put it: `message`, or `data.message`. */
function benchText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as { message?: unknown; data?: { message?: unknown } };
  if (typeof record.message === 'string') return record.message;
  if (typeof record.data?.message === 'string') return record.data.message;
  return undefined;
}

function chatInput(text: string): { username: string; message: string } {
  return { username: 'bench', message: text };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function withBound<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took over ${milliseconds} ms`)), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
