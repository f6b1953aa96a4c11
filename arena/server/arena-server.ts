// `pnpm arena`: one feed, delivered at the same moment over short polling, long polling, SSE, WebSocket and
// exercise 05's pub/sub broker, with each technique's cost counted on its own sockets. The page shows the five
// side by side; the numbers come every second over SSE.
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { formatSseEvent } from '../../solutions/03-sse-notifications/server/sse-frame';
import { renderArenaPage } from '../page/arena-page';
import { type ArenaCounts, type ArenaInfo, type ArenaSettings, TECHNIQUE_PATH } from './arena-messages';
import { NotificationFeed } from './notification-feed';
import { MAX_SIMULATED_CLIENTS, type SimulatedCounts, type SimulatorCommand } from './simulator-messages';
import {
  startTechniqueServers,
  TECHNIQUES,
  type TechniqueId,
  type TechniqueServer,
} from './technique-servers';

export interface ArenaOptions {
  port: number;
  /** Where it listens; the technique servers listen there too (default: localhost only). */
  host?: string;
  /** The page's script, types stripped (arena-script.ts). */
  pageScript: string;
  settings?: Partial<Omit<ArenaSettings, 'simulatedClients'>>;
  /** How often the page gets the counts, and the simulated clients report theirs (default 1000 ms). */
  countsEveryMs?: number;
  /** Simulated clients per technique at most (default 1,000, the page's slider; `pnpm bench` goes to 5,000). */
  maxSimulatedClients?: number;
  /**
   * Behind the class server (classroom/server/class-arena.ts): the page reaches each technique at `t/<id>` through
   * it, since phones reach no other port, and only the instructor's key changes the arena (default false).
   */
  behindProxy?: boolean;
}

export interface Arena {
  readonly port: number;
  readonly techniques: readonly TechniqueServer[];
  /** What the simulated clients reported last (once a second). */
  simulated(): readonly SimulatedCounts[];
  close(): Promise<void>;
}

const LIMITS = { min: 100, max: 60_000 };

/** uPlot's ES module and CSS, read once (pnpm keeps them under node_modules/.pnpm, which static serving hides). */
function readUplot(): { script: string; styles: string } {
  const dist = path.dirname(createRequire(import.meta.url).resolve('uplot'));
  return {
    script: readFileSync(path.join(dist, 'uPlot.esm.js'), 'utf8'),
    styles: readFileSync(path.join(dist, 'uPlot.min.css'), 'utf8'),
  };
}

export async function startArena(options: ArenaOptions): Promise<Arena> {
  const host = options.host ?? '127.0.0.1';
  const settings: ArenaSettings = {
    rateMs: 2_000,
    pollIntervalMs: 3_000,
    ...options.settings,
    simulatedClients: Object.fromEntries(TECHNIQUES.map((id) => [id, 0])) as Record<TechniqueId, number>,
  };
  const feed = new NotificationFeed(settings.rateMs);
  const app = express();
  app.disable('x-powered-by');
  const httpServer: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://${host}:${port}`];
  const { servers, pubsubToken } = await startTechniqueServers(feed, host, origins);
  const streams = new Set<express.Response>();
  let eventId = 0;
  let simulated: SimulatedCounts[] = [];
  const maxClients = options.maxSimulatedClients ?? MAX_SIMULATED_CLIENTS;
  const simulatorSetup = {
    arenaPort: port,
    servers,
    lastId: feed.lastId,
    pollIntervalMs: settings.pollIntervalMs,
    maxClients,
    reportEveryMs: options.countsEveryMs ?? 1_000,
  };
  const simulator = startSimulator(simulatorSetup, (counts) => {
    simulated = counts;
  });

  app.get('/', (request, response) => {
    const language = request.acceptsLanguages('de', 'en') === 'de' ? 'de' : 'en';
    response.type('html').send(renderArenaPage(language, { behindProxy: options.behindProxy ?? false }));
  });
  app.get('/arena.js', (_request, response) => {
    response.type('js').send(options.pageScript);
  });
  // uPlot's own ES module and CSS from node_modules: the charts work offline, with no CDN.
  const uplot = readUplot();
  app.get('/vendor/uplot.js', (_request, response) => {
    response.type('js').send(uplot.script);
  });
  app.get('/vendor/uplot.css', (_request, response) => {
    response.type('css').send(uplot.styles);
  });
  app.get('/api/arena', (request, response) => {
    // Listening on every interface, the page reaches the techniques where it reached the arena; else on `host`.
    const hostname = host === '0.0.0.0' ? request.hostname : host;
    const info: ArenaInfo = {
      techniques: servers.map((server) => ({
        id: server.id,
        url: options.behindProxy ? `${TECHNIQUE_PATH}${server.id}` : `http://${hostname}:${server.port}`,
      })),
      changesNeedKey: options.behindProxy ?? false,
      settings,
      lastId: feed.lastId,
      serverNow: Date.now(),
    };
    response.json(info);
  });
  app.get('/api/arena/token', async (_request, response) => {
    response.json({ token: await pubsubToken() });
  });
  app.post('/api/arena/settings', express.json({ limit: '1kb' }), (request, response) => {
    const next = readSettings(request.body, settings, maxClients);
    if (typeof next === 'string') {
      response.status(400).json({ error: next });
      return;
    }
    const rateChanged = next.rateMs !== settings.rateMs;
    const intervalChanged = next.pollIntervalMs !== settings.pollIntervalMs;
    Object.assign(settings, next);
    if (rateChanged) feed.start(settings.rateMs);
    if (intervalChanged) command(simulator, { type: 'interval', pollIntervalMs: settings.pollIntervalMs });
    command(simulator, { type: 'clients', counts: settings.simulatedClients, lastId: feed.lastId });
    broadcast('settings', settings);
    response.json(settings);
  });
  // The "network drop": every technique loses its connections at once; the page shows how each recovers.
  app.post('/api/arena/drop', (_request, response) => {
    for (const server of servers) server.meter.dropAll();
    response.json({ dropped: true });
  });
  app.get('/api/arena/events', (request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    eventId += 1;
    response.write(
      formatSseEvent({ event: 'settings', id: String(eventId), data: JSON.stringify(settings) }),
    );
    streams.add(response);
    request.once('close', () => streams.delete(response));
  });

  function broadcast(event: string, data: unknown): void {
    eventId += 1;
    const text = formatSseEvent({ event, id: String(eventId), data: JSON.stringify(data) });
    for (const stream of streams) stream.write(text);
  }

  const countsTimer = setInterval(() => {
    const counts: ArenaCounts = {
      published: feed.lastId,
      simulated,
      techniques: servers.map((server) => ({
        id: server.id,
        requests: server.requests,
        emptyAnswers: server.emptyAnswers,
        bytes: server.meter.bytes,
        openConnections: server.meter.openConnections,
      })),
    };
    broadcast('counts', counts);
  }, options.countsEveryMs ?? 1_000);
  feed.start();

  return {
    port,
    techniques: servers,
    simulated: () => simulated,
    async close() {
      feed.stop();
      clearInterval(countsTimer);
      await stopSimulator(simulator);
      for (const stream of streams) stream.end();
      await Promise.all(servers.map((server) => server.close()));
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

interface SimulatorSetup {
  arenaPort: number;
  servers: readonly TechniqueServer[];
  lastId: number;
  pollIntervalMs: number;
  maxClients: number;
  reportEveryMs: number;
}

/** The child process that runs the simulated clients; it reports their counts every `reportEveryMs`. */
function startSimulator(
  { arenaPort, servers, lastId, pollIntervalMs, maxClients, reportEveryMs }: SimulatorSetup,
  onCounts: (counts: SimulatedCounts[]) => void,
): ChildProcess {
  const child = fork(fileURLToPath(new URL('./simulated-clients.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx/esm'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (counts) => onCounts(counts as SimulatedCounts[]));
  const urls = Object.fromEntries(servers.map((server) => [server.id, `http://127.0.0.1:${server.port}`]));
  command(child, {
    type: 'setup',
    urls: urls as Record<TechniqueId, string>,
    lastId,
    pubsubTokenUrl: `http://127.0.0.1:${arenaPort}/api/arena/token`,
    pollIntervalMs,
    maxClients,
    reportEveryMs,
  });
  return child;
}

function command(child: ChildProcess, message: SimulatorCommand): void {
  if (child.connected) child.send(message);
}

async function stopSimulator(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

/** The new settings, or what is wrong with them. */
function readSettings(body: unknown, current: ArenaSettings, maxClients: number): ArenaSettings | string {
  if (typeof body !== 'object' || body === null) return 'Send {"rateMs": 2000, "pollIntervalMs": 3000}.';
  const next = { ...current, simulatedClients: { ...current.simulatedClients } };
  const wanted = (body as Record<string, unknown>).simulatedClients;
  if (wanted !== undefined) {
    if (typeof wanted !== 'object' || wanted === null) return 'simulatedClients must be {"sse": 100, …}.';
    for (const [id, count] of Object.entries(wanted)) {
      if (!TECHNIQUES.includes(id as TechniqueId))
        return `No technique "${id}": one of ${TECHNIQUES.join(', ')}.`;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > maxClients) {
        return `simulatedClients.${id} must be a whole number from 0 to ${maxClients}.`;
      }
      next.simulatedClients[id as TechniqueId] = count;
    }
  }
  for (const name of ['rateMs', 'pollIntervalMs'] as const) {
    const value = (body as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < LIMITS.min || value > LIMITS.max) {
      return `${name} must be a whole number of milliseconds from ${LIMITS.min} to ${LIMITS.max}.`;
    }
    next[name] = value;
  }
  return next;
}
