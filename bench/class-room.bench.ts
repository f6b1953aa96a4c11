// `pnpm bench class-room`: a room on the class server (`pnpm class`), on loopback only. Each simulated student
// holds a long poll (02), an SSE stream (03), a chat WebSocket (04) and the idea board (05: a session with the
// app backend and a WebSocket to its broker), from an address of its own in 127.0.0.0/8, so the per-device
// limits apply as in a room. The instructor pushes notifications to 02 and 03, some students chat and post an
// idea. Every message must reach every student exactly once; it reports the delivery latency and the memory of
// the class server with its reference servers.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createParser } from 'eventsource-parser';
import WebSocket from 'ws';
import { ROOT } from '../scripts/exercise-catalog';
import type { BenchOptions, BenchReport } from './bench-report';

interface RoomSize {
  students: number;
  notifications: number;
  chatters: number;
}

const FULL: RoomSize = { students: 200, notifications: 100, chatters: 30 };
const QUICK: RoomSize = { students: 8, notifications: 5, chatters: 3 };
/** The instructor pushes one notification (to 02 and 03) this often. */
const PUSH_EVERY_MS = 50;
/** Bounds: the room must be in and every message delivered within these, or the run fails. */
const JOIN_BOUND_MS = 60_000;
const DELIVERY_BOUND_MS = 30_000;
const STUDENT_PAGE = 'http://localhost:5173';

type Transport = 'long poll (02)' | 'SSE (03)' | 'WebSocket chat (04)' | 'idea board (05)';

/** When each message was sent, and when each student got it (a second arrival is a double). */
class Deliveries {
  readonly sentAt = new Map<string, number>();
  readonly #arrivals = new Map<string, number[]>();
  doubles = 0;

  arrived(student: number, key: string): void {
    const at = performance.now();
    const sent = this.sentAt.get(key);
    if (sent === undefined) return;
    const id = `${student}\u0000${key}`;
    if (this.#arrivals.has(id)) {
      this.doubles += 1;
      return;
    }
    this.#arrivals.set(id, [at - sent]);
  }

  get count(): number {
    return this.#arrivals.size;
  }

  latencies(): number[] {
    return [...this.#arrivals.values()].map(([latency]) => latency ?? 0).sort((a, b) => a - b);
  }
}

export async function runClassRoomBench({ quick }: BenchOptions): Promise<BenchReport> {
  const size = quick ? QUICK : FULL;
  const run = `${Date.now().toString(36)}`;
  const server = await startClassServer();
  const closers: (() => void)[] = [];
  try {
    const deliveries: Record<Transport, Deliveries> = {
      'long poll (02)': new Deliveries(),
      'SSE (03)': new Deliveries(),
      'WebSocket chat (04)': new Deliveries(),
      'idea board (05)': new Deliveries(),
    };
    const sessionKeys: string[] = [];
    const rssEmpty = roomRss(server.pid);
    const joined: Promise<void>[] = [];
    const sockets: WebSocket[] = [];
    for (let student = 0; student < size.students; student += 1) {
      const address = studentAddress(student);
      joined.push(
        longPoll(
          server.url,
          address,
          (title) => deliveries['long poll (02)'].arrived(student, title),
          closers,
        ),
        sseStream(server.url, address, (title) => deliveries['SSE (03)'].arrived(student, title), closers),
        chatSocket(server.url, address, (text) =>
          deliveries['WebSocket chat (04)'].arrived(student, text),
        ).then((socket) => {
          sockets[student] = socket;
          closers.push(() => socket.terminate());
        }),
        boardMember(server.url, address, student, (text) =>
          deliveries['idea board (05)'].arrived(student, text),
        ).then((member) => {
          sessionKeys[student] = member.sessionKey;
          closers.push(() => member.socket.terminate());
        }),
      );
    }
    await withBound(Promise.all(joined), JOIN_BOUND_MS, 'the room to join');
    const rssJoined = roomRss(server.pid);

    for (let index = 0; index < size.notifications; index += 1) {
      const title = `bench ${run} notification ${index}`;
      deliveries['long poll (02)'].sentAt.set(title, performance.now());
      deliveries['SSE (03)'].sentAt.set(title, performance.now());
      await Promise.all([push(server.url, '/02', title), push(server.url, '/03', title)]);
      await delay(PUSH_EVERY_MS);
    }
    const ideasPosted: Promise<void>[] = [];
    for (let student = 0; student < size.chatters; student += 1) {
      const text = `bench ${run} chat ${student}`;
      deliveries['WebSocket chat (04)'].sentAt.set(text, performance.now());
      sockets[student]?.send(
        JSON.stringify({ event: 'chat', data: { username: `student ${student}`, message: text } }),
      );
      const idea = `bench ${run} idea ${student}`;
      deliveries['idea board (05)'].sentAt.set(idea, performance.now());
      ideasPosted.push(postIdea(server.url, studentAddress(student), sessionKeys[student] ?? '', idea));
    }
    await Promise.all(ideasPosted);
    const expected = {
      'long poll (02)': size.students * size.notifications,
      'SSE (03)': size.students * size.notifications,
      'WebSocket chat (04)': size.students * size.chatters,
      'idea board (05)': size.students * size.chatters,
    };
    const deadline = performance.now() + DELIVERY_BOUND_MS;
    while (performance.now() < deadline && !everyoneGotEverything(deliveries, expected)) await delay(50);
    const rssAfter = roomRss(server.pid);
    return report(size, deliveries, expected, { rssEmpty, rssJoined, rssAfter });
  } finally {
    for (const close of closers) close();
    await server.stop();
  }
}

function everyoneGotEverything(
  deliveries: Record<Transport, Deliveries>,
  expected: Record<Transport, number>,
) {
  return (Object.keys(expected) as Transport[]).every(
    (transport) => deliveries[transport].count >= expected[transport],
  );
}

function report(
  size: RoomSize,
  deliveries: Record<Transport, Deliveries>,
  expected: Record<Transport, number>,
  memory: { rssEmpty: number; rssJoined: number; rssAfter: number },
): BenchReport {
  const table = [['Transport', 'Messages × students', 'Delivered', 'Lost', 'Doubled', 'p50', 'p99']];
  let exactlyOnce = true;
  for (const transport of Object.keys(expected) as Transport[]) {
    const found = deliveries[transport];
    const lost = expected[transport] - found.count;
    if (lost !== 0 || found.doubles !== 0) exactlyOnce = false;
    const latencies = found.latencies();
    table.push([
      transport,
      String(expected[transport]),
      String(found.count),
      String(lost),
      String(found.doubles),
      `${percentile(latencies, 0.5).toFixed(1)} ms`,
      `${percentile(latencies, 0.99).toFixed(1)} ms`,
    ]);
  }
  const perStudentKiB = (memory.rssJoined - memory.rssEmpty) / 1024 / size.students;
  return {
    name: 'class-room',
    title: 'A room on the class server',
    method:
      `${size.students} simulated students, each with a long poll (02), an SSE stream (03), a chat WebSocket (04) ` +
      `and the idea board (05: a session, and a WebSocket to its broker subscribed to the ideas) through ` +
      `\`pnpm class\`, each from its own loopback address; the instructor pushes ${size.notifications} ` +
      `notifications (one every ${PUSH_EVERY_MS} ms, to 02 and 03; the bench lifts the per-address POST limit for ` +
      `it), then ${size.chatters} students chat and post an idea each. Latency: from the push (or post) to the ` +
      `student's client, on one machine.`,
    table,
    verdicts: [
      `Goal: every message reaches every student exactly once: ${exactlyOnce ? 'met' : 'missed'}.`,
      `Memory of the class server and its reference servers (every process): ${mib(memory.rssEmpty)} before the ` +
        `room joined, ${mib(memory.rssJoined)} with it, ${mib(memory.rssAfter)} after the messages: ` +
        `${perStudentKiB.toFixed(1)} KiB per student (four connections each).`,
    ],
  };
}

/** 127.1.x.y: an address of its own per student, as devices in a room have. */
function studentAddress(student: number): string {
  return `127.1.${Math.floor(student / 250)}.${(student % 250) + 1}`;
}

/** 02's client: the first request takes the list, each next one waits for changes after the cursor. */
function longPoll(base: string, address: string, onTitle: (title: string) => void, closers: (() => void)[]) {
  let stopped = false;
  let current: http.ClientRequest | undefined;
  closers.push(() => {
    stopped = true;
    current?.destroy();
  });
  return new Promise<void>((joined, failed) => {
    const ask = (cursor: string | undefined) => {
      if (stopped) return;
      const query = cursor ? `?since=${encodeURIComponent(cursor)}` : '';
      current = http.get(
        `${base}/02/api/notifications/updates${query}`,
        { localAddress: address },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            body += chunk;
          });
          response.on('end', () => {
            if (response.statusCode === 204) return ask(cursor);
            if (response.statusCode !== 200)
              return failed(new Error(`long poll: HTTP ${response.statusCode} ${body}`));
            const answer = JSON.parse(body) as {
              kind: string;
              cursor: string;
              changes?: { event: string; notification: { title: string } }[];
            };
            if (answer.kind === 'initial') joined();
            for (const change of answer.changes ?? []) {
              if (change.event === 'notification') onTitle(change.notification.title);
            }
            ask(answer.cursor);
          });
        },
      );
      current.on('error', (error) => {
        if (!stopped) failed(error);
      });
    };
    ask(undefined);
  });
}

/** 03's client: one stream; every `notification` event counts. */
function sseStream(base: string, address: string, onTitle: (title: string) => void, closers: (() => void)[]) {
  return new Promise<void>((joined, failed) => {
    const parser = createParser({
      onEvent(event) {
        if (event.event === 'initial') joined();
        if (event.event === 'notification') onTitle((JSON.parse(event.data) as { title: string }).title);
      },
    });
    const request = http.get(`${base}/03/sse`, { localAddress: address }, (response) => {
      if (response.statusCode !== 200) return failed(new Error(`SSE: HTTP ${response.statusCode}`));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => parser.feed(chunk));
    });
    request.on('error', (error) => failed(error));
    closers.push(() => request.destroy());
  });
}

/** 04's client: resolves once the chat's history arrived; every `chat.message` counts. */
function chatSocket(base: string, address: string, onText: (text: string) => void): Promise<WebSocket> {
  return new Promise((joined, failed) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/04`, {
      localAddress: address,
      headers: { Origin: STUDENT_PAGE },
    });
    socket.on('message', (data) => {
      const envelope = JSON.parse(String(data)) as { event: string; data: { message?: string } };
      if (envelope.event === 'chat.initial') joined(socket);
      if (envelope.event === 'chat.message' && envelope.data.message) onText(envelope.data.message);
    });
    socket.on('error', failed);
  });
}

/** 05's page: joins the board, then subscribes to the ideas on the broker; every `idea.created` counts. */
async function boardMember(
  base: string,
  address: string,
  student: number,
  onIdea: (text: string) => void,
): Promise<{ sessionKey: string; socket: WebSocket }> {
  const session = (await postFrom(address, `${base}/05/api/session`, { name: `student ${student}` })) as {
    sessionKey: string;
    brokerUrl: string;
    subscribeToken: string;
  };
  const connect = new URL(`${session.brokerUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}/connect`);
  connect.searchParams.set('token', session.subscribeToken);
  return new Promise((joined, failed) => {
    const socket = new WebSocket(connect, { localAddress: address, headers: { Origin: STUDENT_PAGE } });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'subscribe', channel: 'ideas' })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        type: string;
        channel?: string;
        event?: string;
        data?: { text?: string };
        message?: string;
      };
      if (message.type === 'subscribed') joined({ sessionKey: session.sessionKey, socket });
      if (message.type === 'error') failed(new Error(`broker: ${message.message}`));
      if (message.type === 'message' && message.event === 'idea.created' && message.data?.text) {
        onIdea(message.data.text);
      }
    });
    socket.on('error', failed);
  });
}

/** A student posts an idea to 05's app backend, which publishes it to every board through the broker. */
async function postIdea(base: string, address: string, sessionKey: string, text: string): Promise<void> {
  await postFrom(address, `${base}/05/api/ideas`, { text }, { Authorization: `Bearer ${sessionKey}` });
}

/** POST with JSON from one student's address (fetch cannot choose it); the answer's JSON, or an error. */
function postFrom(
  address: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        localAddress: address,
        headers: { 'Content-Type': 'application/json', Origin: STUDENT_PAGE, ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          if (response.statusCode !== 201) {
            reject(new Error(`POST ${new URL(url).pathname}: HTTP ${response.statusCode} ${text}`));
            return;
          }
          resolve(JSON.parse(text));
        });
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

/** The instructor's push, as the console does it. */
async function push(base: string, prefix: string, title: string): Promise<void> {
  const response = await fetch(`${base}${prefix}/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, message: 'from the bench' }),
  });
  if (response.status !== 201)
    throw new Error(`push to ${prefix}: HTTP ${response.status} ${await response.text()}`);
}

interface RunningClassServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `pnpm class` on a free loopback port, in a process group of its own, ready when every path answers. */
async function startClassServer(): Promise<RunningClassServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx/esm', 'scripts/class.ts', '--port', '0', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        POST_RATE_LIMIT_MAX_REQUESTS: '100000',
        CLASS_INSTRUCTOR_KEY: 'bench-instructor-key',
      },
    },
  );
  const stop = () => stopGroup(child);
  try {
    const port = await withBound(portOf(child), JOIN_BOUND_MS, 'pnpm class to listen');
    const url = `http://127.0.0.1:${port}`;
    for (const prefix of ['/02', '/03', '/04', '/05', '/05/broker'])
      await withBound(answers(`${url}${prefix}/stats`), JOIN_BOUND_MS, prefix);
    return { url, pid: child.pid ?? 0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function portOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const port = /Class server on port (\d+)/.exec(output)?.[1];
      if (port) resolve(Number(port));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => reject(new Error(`pnpm class stopped:\n${output}`)));
  });
}

async function answers(url: string): Promise<void> {
  for (;;) {
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await delay(100);
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGINT');
  const ended = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
  if (!ended) process.kill(-child.pid, 'SIGKILL');
}

/** The resident memory of `pid` and every process below it (Linux; 0 elsewhere). */
function roomRss(pid: number): number {
  if (process.platform !== 'linux') return 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(entry, 'stat');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  let total = 0;
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readProc(String(next), 'status'))?.[1];
    total += Number(kib ?? 0) * 1024;
    queue.push(...(children.get(next) ?? []));
  }
  return total;
}

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function withBound<T>(work: Promise<T>, boundMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Waited ${boundMs / 1000} s for ${what}.`)), boundMs);
  });
  return Promise.race([work, bound]).finally(() => clearTimeout(timer));
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
