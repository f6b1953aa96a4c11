// `pnpm bench scale-out`: exercise 05's broker, 1, 2 and 4 of them sharing one Redis, with 10,000 subscribers
// in total (spread over the brokers and over 100 channels of 100, as many courses on one board server would
// be). The publish rate doubles until p99 passes 100 ms or a message is lost. Everything on loopback.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import type { BenchChart, BenchOptions, BenchReport } from './bench-report';
import { type ChildLink, forkChild } from './child-link';
import type { ClientCommand, ClientReply, ServerReady, ServerUsage } from './fan-out-messages';
import { openBenchRedis } from './own-redis';

const FULL = {
  brokers: [1, 2, 4],
  subscribers: 10_000,
  channels: 100,
  firstRate: 50,
  maxRate: 6_400,
  stepMs: 4_000,
};
const QUICK = { brokers: [1, 2], subscribers: 100, channels: 10, firstRate: 20, maxRate: 40, stepMs: 1_000 };
/** Past this p99 the step counts as too much. */
const P99_LIMIT_MS = 100;
const READY_BOUND_MS = 30_000;
const CONNECT_BOUND_MS = 300_000;

interface Step {
  perSecond: number;
  p50: number;
  p99: number;
  lost: number;
  /** Share of one core the brokers (together) and the clients' process used during the step. */
  brokerCores: number;
  clientCores: number;
}

interface Run {
  brokers: number;
  connected: number;
  rssPerSubscriberKiB: number;
  steps: Step[];
}

type ServerLink = ChildLink<ServerReady | ServerUsage>;

export async function runScaleOutBench({ quick }: BenchOptions): Promise<BenchReport> {
  const size = quick ? QUICK : FULL;
  const redis = await openBenchRedis();
  if (!redis) {
    return {
      name: 'scale-out',
      title: 'Scale-out: 05’s brokers on Redis',
      method: 'Needs Redis: set REDIS_URL, or install redis-server so the benchmark can start its own.',
      table: [],
      verdicts: ['Not measured: no Redis.'],
    };
  }
  const runs: Run[] = [];
  try {
    for (const brokers of size.brokers) runs.push(await measure(brokers, size, redis.url));
  } finally {
    await redis.stop();
  }
  return {
    name: 'scale-out',
    title: 'Scale-out: 05’s brokers on Redis',
    method:
      `${size.subscribers.toLocaleString('en-US')} WebSocket subscribers in ${size.channels} channels, spread ` +
      'evenly over the brokers (each a process of its own) on one Redis; one more process holds every ' +
      `subscriber and publishes by HTTP POST, round-robin over the brokers and channels. Each step publishes for ` +
      `${size.stepMs / 1000} s at a steady rate, starting at ${size.firstRate} messages a second and doubling ` +
      `until p99 passes ${P99_LIMIT_MS} ms or a message is lost. Deliveries per second are the rate times the ` +
      `subscribers of a channel. CPU is the share of one core used during the step; this machine has ${cpus().length}.`,
    table: table(runs, size),
    verdicts: verdicts(runs),
    charts: [chart(runs, size)],
  };
}

async function measure(brokers: number, size: typeof FULL, redisUrl: string): Promise<Run> {
  const shared = {
    REDIS_URL: redisUrl,
    BENCH_PUBLISHER_KEY: randomBytes(18).toString('base64url'),
    BENCH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    BENCH_REDIS_PREFIX: `scale-${randomBytes(4).toString('hex')}:`,
    BENCH_CHANNELS: String(size.channels),
  };
  const servers: ServerLink[] = [];
  const clients = forkChild<ClientReply>(new URL('./fan-out-clients.ts', import.meta.url));
  try {
    for (let index = 0; index < brokers; index += 1) {
      servers.push(
        forkChild(new URL('./fan-out-server.ts', import.meta.url), ['broker-05-redis'], {
          execArgv: ['--expose-gc'],
          env: { ...process.env, ...shared },
        }),
      );
    }
    const ready = await Promise.all(
      servers.map(
        (server) => server.next((reply) => reply.type === 'ready', READY_BOUND_MS) as Promise<ServerReady>,
      ),
    );
    const rssBefore = await totalRss(servers);
    const connect: ClientCommand = {
      type: 'connect',
      contender: 'broker-05-redis',
      kind: 'broker',
      baseUrls: ready.map((each) => `http://127.0.0.1:${each.port}`),
      count: size.subscribers,
      channels: size.channels,
      path: '/connect',
      publishPath: '/publish',
      subscribeToken: ready[0]?.subscribeToken,
      publisherKey: shared.BENCH_PUBLISHER_KEY,
    };
    const connected = await ask(clients, connect, CONNECT_BOUND_MS);
    const rssAfter = await totalRss(servers);
    const run: Run = {
      brokers,
      connected: connected.type === 'connected' ? connected.count : 0,
      rssPerSubscriberKiB: (rssAfter - rssBefore) / 1024 / size.subscribers,
      steps: [],
    };
    for (let perSecond = size.firstRate; perSecond <= size.maxRate; perSecond *= 2) {
      const step = await loadStep(servers, clients, perSecond, size.stepMs);
      run.steps.push(step);
      if (step.p99 > P99_LIMIT_MS || step.lost > 0) break;
    }
    return run;
  } finally {
    await clients.stop();
    await Promise.all(servers.map((server) => server.stop()));
  }
}

async function loadStep(
  servers: ServerLink[],
  clients: ChildLink<ClientReply>,
  perSecond: number,
  stepMs: number,
): Promise<Step> {
  const brokerCpuBefore = await totalCpu(servers);
  const clientCpuBefore = await clientCpu(clients);
  const started = performance.now();
  const command: ClientCommand = {
    type: 'load',
    contender: 'broker-05-redis',
    perSecond,
    durationMs: stepMs,
  };
  const reply = await ask(clients, command, stepMs + 60_000);
  const elapsedMicros = (performance.now() - started) * 1000;
  const delays = reply.type === 'delivered' ? [...reply.delaysMs].sort((a, b) => a - b) : [];
  return {
    perSecond,
    p50: percentile(delays, 0.5),
    p99: percentile(delays, 0.99),
    lost: reply.type === 'delivered' ? reply.lost : Number.NaN,
    brokerCores: ((await totalCpu(servers)) - brokerCpuBefore) / elapsedMicros,
    clientCores: ((await clientCpu(clients)) - clientCpuBefore) / elapsedMicros,
  };
}

async function ask(
  clients: ChildLink<ClientReply>,
  command: ClientCommand,
  boundMs: number,
): Promise<ClientReply> {
  clients.send(command);
  const answers: Record<ClientCommand['type'], ClientReply['type']> = {
    connect: 'connected',
    broadcast: 'delivered',
    load: 'delivered',
    usage: 'usage',
    disconnect: 'disconnected',
  };
  const reply = await clients.next(
    (each) => each.type === answers[command.type] || each.type === 'failed',
    boundMs,
  );
  if (reply.type === 'failed') throw new Error(`scale-out: ${reply.reason}`);
  return reply;
}

async function clientCpu(clients: ChildLink<ClientReply>): Promise<number> {
  const reply = await ask(clients, { type: 'usage', contender: 'broker-05-redis' }, READY_BOUND_MS);
  return reply.type === 'usage' ? reply.cpuMicros : 0;
}

async function usages(servers: ServerLink[]): Promise<ServerUsage[]> {
  return Promise.all(
    servers.map(async (server) => {
      server.send({ type: 'usage' });
      return (await server.next((reply) => reply.type === 'usage', READY_BOUND_MS)) as ServerUsage;
    }),
  );
}

async function totalRss(servers: ServerLink[]): Promise<number> {
  return (await usages(servers)).reduce((sum, usage) => sum + usage.rssBytes, 0);
}

async function totalCpu(servers: ServerLink[]): Promise<number> {
  return (await usages(servers)).reduce((sum, usage) => sum + usage.cpuMicros, 0);
}

// #region report
function table(runs: Run[], size: typeof FULL): string[][] {
  const perChannel = size.subscribers / size.channels;
  const rows = [
    [
      'Brokers',
      'Subscribers',
      'Messages / s',
      'Deliveries / s',
      'p50',
      'p99',
      'Lost',
      'CPU brokers',
      'CPU clients',
      'RSS / subscriber',
    ],
  ];
  for (const run of runs) {
    for (const step of run.steps) {
      rows.push([
        String(run.brokers),
        run.connected.toLocaleString('en-US'),
        step.perSecond.toLocaleString('en-US'),
        (step.perSecond * perChannel).toLocaleString('en-US'),
        formatMs(step.p50),
        formatMs(step.p99),
        String(step.lost),
        `${Math.round(step.brokerCores * 100)} %`,
        `${Math.round(step.clientCores * 100)} %`,
        `${run.rssPerSubscriberKiB.toFixed(1)} KiB`,
      ]);
    }
  }
  return rows;
}

function verdicts(runs: Run[]): string[] {
  const lost = runs.reduce((sum, run) => sum + run.steps.reduce((steps, step) => steps + step.lost, 0), 0);
  const delivery = `Every message reached every subscriber of its channel (none lost): ${lost === 0 ? 'yes' : `no, ${lost} lost`}.`;
  return [
    delivery,
    ...runs.map((run) => {
      const good = run.steps.filter((step) => step.p99 <= P99_LIMIT_MS && step.lost === 0);
      const best = good.at(-1);
      const over = run.steps.find((step) => step.p99 > P99_LIMIT_MS || step.lost > 0);
      const held = best
        ? `${best.perSecond.toLocaleString('en-US')} messages a second with p99 ${formatMs(best.p99)}`
        : `not even ${run.steps[0]?.perSecond ?? 0} messages a second`;
      return `${run.brokers} broker${run.brokers === 1 ? '' : 's'}, ${run.connected.toLocaleString('en-US')} subscribers: held ${held}${over ? `; the next step stopped it: ${limitOf(over)}` : ''}.`;
    }),
  ];
}

/** Which limit a step ran into: the one that was busiest. */
function limitOf(step: Step): string {
  const cores = cpus().length;
  const what = step.lost > 0 ? `${step.lost} lost` : `p99 ${formatMs(step.p99)}`;
  if (step.clientCores > 0.9)
    return `${what}, with the clients' process at ${Math.round(step.clientCores * 100)} % of its one core (the measuring side was the limit)`;
  if (step.brokerCores + step.clientCores > cores * 0.85)
    return `${what}, with the machine's ${cores} cores busy (brokers ${Math.round(step.brokerCores * 100)} %, clients ${Math.round(step.clientCores * 100)} %, Redis the rest): CPU`;
  return `${what}, brokers at ${Math.round(step.brokerCores * 100)} % of a core`;
}

function chart(runs: Run[], size: typeof FULL): BenchChart {
  const rates: number[] = [];
  for (let rate = size.firstRate; rate <= size.maxRate; rate *= 2) rates.push(rate);
  const measured = rates.filter((rate) =>
    runs.some((run) => run.steps.some((step) => step.perSecond === rate)),
  );
  return {
    id: 'p99',
    title: `${size.subscribers.toLocaleString('en-US')} subscribers: p99 delay by publish rate`,
    unit: 'ms (p99)',
    groups: measured.map((rate) => `${rate.toLocaleString('en-US')}/s`),
    series: runs.map((run) => ({
      name: `${run.brokers} broker${run.brokers === 1 ? '' : 's'}`,
      values: measured.map((rate) => {
        const step = run.steps.find((each) => each.perSecond === rate);
        return step ? Number(step.p99.toFixed(1)) : null;
      }),
    })),
    scale: 'log',
  };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

function formatMs(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return '–';
  return milliseconds < 10 ? `${milliseconds.toFixed(2)} ms` : `${milliseconds.toFixed(1)} ms`;
}
// #endregion report
