// `pnpm bench technique-cost`: what one delivered notification costs with each technique, measured by the arena
// (`pnpm arena`) on loopback: its simulated clients (a child process) receive the feed, and the technique
// servers (this process) count requests and the bytes on their sockets. One technique at a time, so the CPU
// time of this process is that technique's.
import { performance } from 'node:perf_hooks';
import { transpileArenaScript } from '../arena/page/arena-script';
import { type Arena, startArena } from '../arena/server/arena-server';
import type { SimulatedCounts } from '../arena/server/simulator-messages';
import type { TechniqueId } from '../arena/server/technique-servers';
import type { BenchChart, BenchOptions, BenchReport } from './bench-report';

interface Run {
  label: string;
  technique: TechniqueId;
  pollIntervalMs: number;
}

/** What one run measured per delivered notification, for the charts; null where nothing was delivered. */
export interface RunCost {
  label: string;
  clients: number;
  bytes: number | null;
  cpuMicros: number | null;
  p50Ms: number | null;
}

const RUNS: Run[] = [
  { label: 'short polling (every 3 s)', technique: 'short-polling', pollIntervalMs: 3_000 },
  { label: 'short polling (every 1 s)', technique: 'short-polling', pollIntervalMs: 1_000 },
  { label: 'long polling', technique: 'long-polling', pollIntervalMs: 3_000 },
  { label: 'SSE', technique: 'sse', pollIntervalMs: 3_000 },
  { label: 'WebSocket', technique: 'websocket', pollIntervalMs: 3_000 },
  { label: 'pub/sub broker (05)', technique: 'pubsub', pollIntervalMs: 3_000 },
];

// A notification a second: often enough to measure, rare enough that polling asks for nothing now and then.
/**
 * The broker's presence tells every subscriber of the channel about each one that joins: 5,000 joining one
 * channel are 12.5 million presence messages before the first notification. It is measured up to 1,000.
 */
const BROKER_MAX_CLIENTS = 1_000;
const FULL = { clients: [100, 1_000, 5_000], windowMs: 15_000, rateMs: 1_000, reportEveryMs: 1_000 };
const QUICK = { clients: [10], windowMs: 600, rateMs: 100, reportEveryMs: 200 };
/** Bound for the clients to join (every one has received a notification). */
const JOIN_BOUND_MS = 60_000;

export async function runTechniqueCostBench({ quick }: BenchOptions): Promise<BenchReport> {
  const size = quick ? QUICK : FULL;
  const arena = await startArena({
    port: 0,
    pageScript: await transpileArenaScript(),
    maxSimulatedClients: Math.max(...size.clients),
    countsEveryMs: size.reportEveryMs,
  });
  const table = [
    [
      'Technique',
      'Clients',
      'Delivered',
      'Requests / delivered',
      'Bytes / delivered',
      'CPU µs / delivered',
      'RSS / client',
      'p50',
      'p99',
    ],
  ];
  let everyoneGotEverything = true;
  const costs: RunCost[] = [];
  try {
    for (const clients of size.clients) {
      for (const run of RUNS) {
        if (run.technique === 'pubsub' && clients > BROKER_MAX_CLIENTS) continue;
        const row = await measure(arena, run, clients, size);
        if (!row.noLoss) everyoneGotEverything = false;
        table.push(row.cells);
        costs.push(row.cost);
      }
    }
  } finally {
    await arena.close();
  }
  return {
    name: 'technique-cost',
    title: 'What a delivered notification costs, per technique',
    method:
      `The arena's feed, a notification every ${size.rateMs} ms, to ${size.clients.join(' and then ')} simulated clients ` +
      `of one technique at a time (a child process, on loopback), for ${size.windowMs / 1000} s after every client ` +
      'received one. Requests, bytes (both ways, headers included, read from the technique server’s sockets) and ' +
      'the server’s CPU time, divided by the notifications the clients received; RSS of the server process per ' +
      'client; delay from publish to the client (p50/p99 of the last minute). The broker tells every subscriber of ' +
      'a channel when another one joins (presence): a thousand joining one channel are half a million of those ' +
      `messages, so the broker is measured up to ${BROKER_MAX_CLIENTS.toLocaleString('en-US')} subscribers.`,
    table,
    verdicts: [
      `Every client got every notification (none lost): ${everyoneGotEverything ? 'yes' : 'no, see Lost in the run'}.`,
    ],
    charts: costCharts(size.clients, costs),
  };
}

/** Bytes, CPU time and delay per delivered notification: a group per client count, a bar per technique. */
export function costCharts(clientCounts: number[], costs: RunCost[]): BenchChart[] {
  const groups = clientCounts.map((clients) => `${clients.toLocaleString('en-US')} clients`);
  const series = (pick: (cost: RunCost) => number | null) =>
    RUNS.map((run) => ({
      name: run.label,
      values: clientCounts.map((clients) => {
        const cost = costs.find((each) => each.label === run.label && each.clients === clients);
        return cost ? pick(cost) : null;
      }),
    }));
  // Log scales: polling and the broker's presence cost a hundred times what a WebSocket frame does.
  return [
    {
      id: 'bytes',
      title: 'Bytes per delivered notification',
      unit: 'bytes per delivered notification, both ways, headers included',
      groups,
      series: series((cost) => cost.bytes),
      scale: 'log',
    },
    {
      id: 'cpu',
      title: 'Server CPU time per delivered notification',
      unit: 'server CPU µs per delivered notification',
      groups,
      series: series((cost) => cost.cpuMicros),
      scale: 'log',
    },
    {
      id: 'delay',
      title: 'Delay from publish to client (median)',
      unit: 'ms from publish to client, p50',
      groups,
      series: series((cost) => cost.p50Ms),
      scale: 'log',
    },
  ];
}

async function measure(
  arena: Arena,
  run: Run,
  clients: number,
  size: { windowMs: number; rateMs: number; reportEveryMs: number },
): Promise<{ cells: string[]; noLoss: boolean; cost: RunCost }> {
  const server = arena.techniques.find((technique) => technique.id === run.technique);
  if (!server) throw new Error(`No ${run.technique} in the arena.`);
  await settings(arena, {
    rateMs: size.rateMs,
    pollIntervalMs: run.pollIntervalMs,
    simulatedClients: only(run.technique, 0),
  });
  const rssBefore = process.memoryUsage().rss;
  await settings(arena, { simulatedClients: only(run.technique, clients) });
  const joined = await waitFor(
    arena,
    run.technique,
    (counts) => counts.clients === clients && counts.received >= clients,
  );
  const rssJoined = process.memoryUsage().rss;
  const start = {
    counts: joined,
    bytes: server.meter.bytes,
    requests: server.requests,
    cpu: process.cpuUsage(),
  };
  const startedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, size.windowMs));
  // The next report after the window, so the counts cover all of it.
  const end = await waitFor(
    arena,
    run.technique,
    () => performance.now() - startedAt >= size.windowMs + size.reportEveryMs,
  );
  const cpu = process.cpuUsage(start.cpu);
  const delivered = end.received - start.counts.received;
  const per = (value: number) => (delivered === 0 ? Number.NaN : value / delivered);
  const orNull = (value: number) => (Number.isFinite(value) ? value : null);
  const bytes = per(server.meter.bytes - start.bytes);
  const cpuMicros = per(cpu.user + cpu.system);
  await settings(arena, { simulatedClients: only(run.technique, 0) });
  return {
    noLoss: end.lost === 0,
    cost: {
      label: run.label,
      clients,
      bytes: orNull(bytes),
      cpuMicros: orNull(cpuMicros),
      p50Ms: end.p50 ?? null,
    },
    cells: [
      run.label,
      String(clients),
      String(delivered),
      per(server.requests - start.requests).toFixed(2),
      `${bytes.toFixed(0)} B`,
      cpuMicros.toFixed(1),
      `${((rssJoined - rssBefore) / 1024 / clients).toFixed(1)} KiB`,
      `${end.p50 ?? '–'} ms`,
      `${end.p99 ?? '–'} ms`,
    ],
  };
}

function only(technique: TechniqueId, clients: number): Record<TechniqueId, number> {
  return { 'short-polling': 0, 'long-polling': 0, sse: 0, websocket: 0, pubsub: 0, [technique]: clients };
}

async function settings(arena: Arena, body: unknown): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${arena.port}/api/arena/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`arena settings: HTTP ${response.status} ${await response.text()}`);
}

/** The simulated counts of `technique` once `ready` holds (checked at each report, once a second). */
async function waitFor(
  arena: Arena,
  technique: TechniqueId,
  ready: (counts: SimulatedCounts) => boolean,
): Promise<SimulatedCounts> {
  const bound = performance.now() + JOIN_BOUND_MS;
  while (performance.now() < bound) {
    const counts = arena.simulated().find((each) => each.id === technique);
    if (counts && ready(counts)) return counts;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Waited ${JOIN_BOUND_MS / 1000} s for ${technique}'s simulated clients.`);
}
