// `pnpm bench fan-out`: the kit's servers against the best alternatives, doing the same fan-out, in one run with
// interleaved rounds (so a busy moment of the machine hits every contender alike). Each server runs in a process
// of its own; one more process holds every client, starts each broadcast and times its arrival at each client.
import type { BenchChart, BenchOptions, BenchReport } from './bench-report';
import { type ChildLink, forkChild } from './child-link';
import type {
  ClientCommand,
  ClientKind,
  ClientReply,
  ContenderId,
  ServerReady,
  ServerUsage,
} from './fan-out-messages';
import { openBenchRedis } from './own-redis';

interface Contender {
  id: ContenderId;
  label: string;
  kind: ClientKind;
  path: string;
  publishPath?: string;
}

interface Comparison {
  title: string;
  /** The chart's file: docs/bench/fan-out-ID.svg. */
  chartId: string;
  contenders: ContenderId[];
  /** The kit's server(s), and the bare loop they are held against. */
  kit: ContenderId[];
  bare: ContenderId;
  clients: number[];
  /** The issue's goal for RSS per client. */
  rssGoalKiB: number;
}

const CONTENDERS: Record<ContenderId, Contender> = {
  'chat-04': { id: 'chat-04', label: '04 chat (kit)', kind: 'chat', path: '/' },
  'bare-ws': { id: 'bare-ws', label: 'bare ws loop', kind: 'chat', path: '/' },
  'socket-io': { id: 'socket-io', label: 'Socket.IO 4', kind: 'socket-io', path: '/' },
  'sse-03': { id: 'sse-03', label: '03 SSE (kit)', kind: 'sse', path: '/sse', publishPath: '/notifications' },
  'bare-sse': {
    id: 'bare-sse',
    label: 'bare SSE loop',
    kind: 'sse',
    path: '/events',
    publishPath: '/publish',
  },
  'broker-05-memory': {
    id: 'broker-05-memory',
    label: '05 broker, memory (kit)',
    kind: 'broker',
    path: '/connect',
    publishPath: '/publish',
  },
  'broker-05-redis': {
    id: 'broker-05-redis',
    label: '05 broker, Redis (kit)',
    kind: 'broker',
    path: '/connect',
    publishPath: '/publish',
  },
  'bare-ws-publish': {
    id: 'bare-ws-publish',
    label: 'bare ws loop',
    kind: 'bare-publish',
    path: '/',
    publishPath: '/publish',
  },
};

const FULL = { chatClients: [1_000, 5_000], brokerClients: [2_000], rounds: 8, broadcastsPerRound: 10 };
const QUICK = { chatClients: [50], brokerClients: [50], rounds: 1, broadcastsPerRound: 2 };
const WARM_UP_BROADCASTS = 3;
const READY_BOUND_MS = 30_000;
const CONNECT_BOUND_MS = 180_000;
const BROADCAST_BOUND_MS = 300_000;

interface Result {
  comparison: Comparison;
  contender: Contender;
  clients: number;
  delaysMs: number[];
  lost: number;
  cpuMicros: number;
  rssPerClientKiB: number;
  heapPerClientKiB: number;
}

export async function runFanOutBench({ quick }: BenchOptions): Promise<BenchReport> {
  const size = quick ? QUICK : FULL;
  const redis = await openBenchRedis();
  const comparisons: Comparison[] = [
    {
      title: 'WebSocket chat',
      chartId: 'chat',
      contenders: ['chat-04', 'bare-ws', 'socket-io'],
      kit: ['chat-04'],
      bare: 'bare-ws',
      clients: size.chatClients,
      rssGoalKiB: 8,
    },
    {
      title: 'SSE',
      chartId: 'sse',
      contenders: ['sse-03', 'bare-sse'],
      kit: ['sse-03'],
      bare: 'bare-sse',
      clients: size.chatClients,
      rssGoalKiB: 14,
    },
    {
      title: 'pub/sub broker',
      chartId: 'broker',
      contenders: redis
        ? ['broker-05-memory', 'broker-05-redis', 'bare-ws-publish']
        : ['broker-05-memory', 'bare-ws-publish'],
      kit: redis ? ['broker-05-memory', 'broker-05-redis'] : ['broker-05-memory'],
      bare: 'bare-ws-publish',
      clients: size.brokerClients,
      rssGoalKiB: 8,
    },
  ];
  const results: Result[] = [];
  try {
    for (const comparison of comparisons) {
      for (const clients of comparison.clients) {
        results.push(...(await compare(comparison, clients, size, redis?.url)));
      }
    }
  } finally {
    await redis?.stop();
  }
  return {
    name: 'fan-out',
    title: 'Fan-out: the kit against a bare loop and Socket.IO',
    method:
      `${size.rounds} interleaved rounds of ${size.broadcastsPerRound} broadcasts per server (after ` +
      `${WARM_UP_BROADCASTS} to warm up), each sent once the one before had reached every client. The chat ` +
      'broadcast starts from a client (a chat message); SSE and the broker are published by HTTP POST, as an app ' +
      'backend does. Delay: from sending to the arrival at each client (one process holds every client, on ' +
      'loopback, so one clock). CPU: the server process’s user and system time per delivered message. RSS and ' +
      'heap per client: what the server process grew by, after a full GC, while the second half of the clients ' +
      'connected, divided by them (the first half grows V8’s young generation to its largest, whatever the count). ' +
      'Heap is what the connections hold in JavaScript; RSS adds what V8 keeps in reserve and Node’s native ' +
      `state. The broker runs at ${size.brokerClients.map((count) => count.toLocaleString('en-US')).join(' and ')} ` +
      'subscribers only: its presence tells every subscriber of a channel about each one that joins, so 5,000 ' +
      'joining one channel are 12.5 million presence messages.' +
      (redis
        ? ''
        : ' No Redis was found (REDIS_URL or redis-server), so the broker ran with its memory engine only.'),
    table: resultTable(results),
    verdicts: verdicts(comparisons, results),
    charts: charts(comparisons, results),
  };
}

// #region rounds
async function compare(
  comparison: Comparison,
  clients: number,
  size: { rounds: number; broadcastsPerRound: number },
  redisUrl: string | undefined,
): Promise<Result[]> {
  const clientLink = forkChild<ClientReply>(new URL('./fan-out-clients.ts', import.meta.url));
  const servers: Array<{ contender: Contender; link: ChildLink<ServerReady | ServerUsage> }> = [];
  try {
    const results: Result[] = [];
    for (const id of comparison.contenders) {
      const contender = CONTENDERS[id];
      const link = startServer(id, redisUrl);
      servers.push({ contender, link });
      results.push(await connect(comparison, contender, link, clientLink, clients));
    }
    for (const result of results) await broadcast(clientLink, result.contender.id, WARM_UP_BROADCASTS);
    for (let round = 0; round < size.rounds; round += 1) {
      // Each round starts with another contender, so none is always the first after a pause.
      for (let turn = 0; turn < results.length; turn += 1) {
        const result = results[(round + turn) % results.length] as Result;
        const server = servers.find((each) => each.contender === result.contender);
        if (!server) continue;
        const before = await usage(server.link);
        const delivered = await broadcast(clientLink, result.contender.id, size.broadcastsPerRound);
        result.cpuMicros += (await usage(server.link)).cpuMicros - before.cpuMicros;
        result.delaysMs.push(...delivered.delaysMs);
        result.lost += delivered.lost;
      }
    }
    return results;
  } finally {
    await clientLink.stop();
    await Promise.all(servers.map((server) => server.link.stop()));
  }
}

function startServer(id: ContenderId, redisUrl: string | undefined): ChildLink<ServerReady | ServerUsage> {
  return forkChild<ServerReady | ServerUsage>(new URL('./fan-out-server.ts', import.meta.url), [id], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
  });
}

async function connect(
  comparison: Comparison,
  contender: Contender,
  server: ChildLink<ServerReady | ServerUsage>,
  clientLink: ChildLink<ClientReply>,
  clients: number,
): Promise<Result> {
  const ready = (await server.next((reply) => reply.type === 'ready', READY_BOUND_MS)) as ServerReady;
  const command: ClientCommand = {
    type: 'connect',
    contender: contender.id,
    kind: contender.kind,
    baseUrls: [`http://127.0.0.1:${ready.port}`],
    count: Math.floor(clients / 2),
    path: contender.path,
    ...(contender.publishPath ? { publishPath: contender.publishPath } : {}),
    ...(ready.subscribeToken ? { subscribeToken: ready.subscribeToken } : {}),
    ...(ready.publisherKey ? { publisherKey: ready.publisherKey } : {}),
  };
  // Memory is measured over the second half only: while the first connect, V8 grows its young generation to
  // its largest, tens of MiB whatever the number of clients, which a plain division would charge to them.
  await ask(clientLink, command, 'connected', CONNECT_BOUND_MS);
  const half = await usage(server);
  const added = clients - command.count;
  await ask(clientLink, { ...command, count: added }, 'connected', CONNECT_BOUND_MS);
  const full = await usage(server);
  return {
    comparison,
    contender,
    clients,
    delaysMs: [],
    lost: 0,
    cpuMicros: 0,
    rssPerClientKiB: (full.rssBytes - half.rssBytes) / 1024 / added,
    heapPerClientKiB: (full.heapUsedBytes - half.heapUsedBytes) / 1024 / added,
  };
}

async function broadcast(
  clientLink: ChildLink<ClientReply>,
  contender: ContenderId,
  times: number,
): Promise<Extract<ClientReply, { type: 'delivered' }>> {
  const command: ClientCommand = { type: 'broadcast', contender, times };
  return (await ask(clientLink, command, 'delivered', BROADCAST_BOUND_MS)) as Extract<
    ClientReply,
    { type: 'delivered' }
  >;
}

async function ask(
  clientLink: ChildLink<ClientReply>,
  command: ClientCommand,
  answer: ClientReply['type'],
  boundMs: number,
): Promise<ClientReply> {
  clientLink.send(command);
  const reply = await clientLink.next(
    (each) => each.contender === command.contender && (each.type === answer || each.type === 'failed'),
    boundMs,
  );
  if (reply.type === 'failed') throw new Error(`${command.contender}: ${reply.reason}`);
  return reply;
}

async function usage(server: ChildLink<ServerReady | ServerUsage>): Promise<ServerUsage> {
  server.send({ type: 'usage' });
  return (await server.next((reply) => reply.type === 'usage', READY_BOUND_MS)) as ServerUsage;
}
// #endregion rounds

// #region report
function resultTable(results: Result[]): string[][] {
  const header = [
    'Fan-out',
    'Server',
    'Clients',
    'p50',
    'p99',
    'p50 ÷ bare loop',
    'CPU µs / delivery',
    'RSS / client',
    'Heap / client',
    'Lost',
  ];
  const rows = results.map((result) => {
    const bare = bareOf(results, result);
    return [
      result.comparison.title,
      result.contender.label,
      result.clients.toLocaleString('en-US'),
      `${formatMs(p50(result))}`,
      `${formatMs(percentile(result.delaysMs, 0.99))}`,
      bare ? `${(p50(result) / p50(bare)).toFixed(2)}×` : '–',
      (result.cpuMicros / Math.max(1, result.delaysMs.length)).toFixed(2),
      `${result.rssPerClientKiB.toFixed(1)} KiB`,
      `${result.heapPerClientKiB.toFixed(2)} KiB`,
      String(result.lost),
    ];
  });
  return [header, ...rows];
}

function verdicts(comparisons: Comparison[], results: Result[]): string[] {
  const lines: string[] = [];
  const kitResults = results.filter((result) => result.comparison.kit.includes(result.contender.id));
  const ratios = kitResults.map((result) => {
    const bare = bareOf(results, result);
    return { result, ratio: bare ? p50(result) / p50(bare) : Number.NaN };
  });
  const within = ratios.every(({ ratio }) => ratio <= 1.1);
  lines.push(
    `Goal: the kit within 1.10× of the bare loop at p50: ${within ? 'met' : 'missed'} (${ratios
      .map(
        ({ result, ratio }) =>
          `${result.contender.label} at ${result.clients.toLocaleString('en-US')}: ${ratio.toFixed(2)}×`,
      )
      .join('; ')}).`,
  );
  const socketIo = results.filter((result) => result.contender.id === 'socket-io');
  const ahead = socketIo.map((io) => {
    const chat = results.find((result) => result.contender.id === 'chat-04' && result.clients === io.clients);
    return { clients: io.clients, chat: chat ? p50(chat) : Number.NaN, io: p50(io) };
  });
  lines.push(
    `Goal: 04's chat ahead of Socket.IO at p50: ${ahead.every((each) => each.chat < each.io) ? 'met' : 'missed'} (${ahead
      .map(
        (each) =>
          `${each.clients.toLocaleString('en-US')} clients: ${formatMs(each.chat)} against ${formatMs(each.io)}`,
      )
      .join('; ')}).`,
  );
  for (const comparison of comparisons) {
    // RSS moves by whole heap pages: only the most clients give a figure per client that means something.
    const most = Math.max(...comparison.clients);
    const kit = kitResults.filter((result) => result.comparison === comparison && result.clients === most);
    const bare = results.find(
      (result) =>
        result.comparison === comparison &&
        result.clients === most &&
        result.contender.id === comparison.bare,
    );
    const met = kit.every((result) => result.rssPerClientKiB <= comparison.rssGoalKiB);
    const figures = kit.map((result) => `${result.contender.label}: ${memoryOf(result)}`);
    if (bare) figures.push(`${bare.contender.label}: ${memoryOf(bare)}`);
    // RSS cannot grow by less than the heap did, unless V8 gave memory back meanwhile (the broker's join storm).
    const measurable = kit.every((result) => result.rssPerClientKiB >= result.heapPerClientKiB);
    const verdict = measurable ? (met ? 'met' : 'missed') : 'not measurable: the RSS fell while they joined';
    lines.push(
      `Goal: ≤ ${comparison.rssGoalKiB} KiB RSS per client (${comparison.title}, ${most.toLocaleString('en-US')} clients): ${verdict} (${figures.join('; ')}).`,
    );
  }
  const lost = results.reduce((sum, result) => sum + result.lost, 0);
  lines.push(`Every broadcast reached every client (none lost): ${lost === 0 ? 'yes' : `no, ${lost} lost`}.`);
  return lines;
}

function charts(comparisons: Comparison[], results: Result[]): BenchChart[] {
  return comparisons.map((comparison) => {
    const own = results.filter((result) => result.comparison === comparison);
    return {
      id: comparison.chartId,
      title: `${comparison.title}: delay to each client, p50`,
      unit: 'ms',
      groups: comparison.clients.map((clients) => `${clients.toLocaleString('en-US')} clients`),
      series: comparison.contenders.map((id) => ({
        name: CONTENDERS[id].label,
        values: comparison.clients.map((clients) => {
          const result = own.find((each) => each.contender.id === id && each.clients === clients);
          return result ? Number(p50(result).toFixed(2)) : null;
        }),
      })),
    };
  });
}

function memoryOf(result: Result): string {
  return `${result.rssPerClientKiB.toFixed(1)} KiB RSS, ${result.heapPerClientKiB.toFixed(2)} KiB heap`;
}

function bareOf(results: Result[], result: Result): Result | undefined {
  return results.find(
    (each) =>
      each.comparison === result.comparison &&
      each.clients === result.clients &&
      each.contender.id === result.comparison.bare,
  );
}

function p50(result: Result): number {
  return percentile(result.delaysMs, 0.5);
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

function formatMs(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return '–';
  return milliseconds < 10 ? `${milliseconds.toFixed(2)} ms` : `${milliseconds.toFixed(1)} ms`;
}
// #endregion report
