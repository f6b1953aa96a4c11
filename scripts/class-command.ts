// The class server as a command: the front door on one port, the reference servers behind it, the banner.
// `pnpm class` runs the reference servers from solutions/ (scripts/class.ts); the bundle of `pnpm class:build`
// runs its own bundled copies (classroom/bundle/class-server.ts). Everything else is this same code.
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { parseArgs, styleText } from 'node:util';
import { createClassApp } from '../classroom/server/class-app';
import { arenaRoutes, type RunningArena } from '../classroom/server/class-arena';
import type { ClassRoute } from '../classroom/server/class-routes';
import { BOARD_PAGE_PATH, CLASS_ROUTES } from '../classroom/server/class-routes';
import { type ClassServer, createClassServer, type RunningRoute } from '../classroom/server/class-server';
import { ProgressStore } from '../classroom/server/progress-store';
import { TrafficCounter } from '../classroom/server/traffic-counter';
import { BoardWatch } from '../slides/poll/board-watch';
import { chooseLanAddress } from '../slides/poll/lan-address';
import { createPollServer, type PollServer } from '../slides/poll/poll-server';
import type { VoteScripts } from '../slides/poll/vote-page/vote-assets';
import { printClassBanner } from './class-banner';
import { classOrigins, DEFAULT_CLASS_PORT, readClassPort } from './class-options';
import { planClassServers, type ReferenceServer } from './class-plan';
import { runLabelled } from './labelled-run';
import { type LaunchProcess, localUrl } from './launch-plan';
import { findFreePort, isPortFree } from './ports';
import { waitUntilAnswering } from './ready-check';

/** How long the reference servers may take to start, on a slow laptop, before the class server says so. */
const READY_BOUND_MS = 60_000;

/** What differs between the kit and the bundle: where the reference servers and the pages come from. */
export interface ClassLaunch {
  consoleScript(): Promise<string>;
  /** The folder of 05's built idea board, which phones open at `/05/`. */
  boardPage(): Promise<string>;
  /** Where a route's code is: its solution folder, or its bundled file. */
  locate(route: ClassRoute): { cwd: string; entry: string };
  /** Told the port once the front door listens (the kit tells the slides' poll server). */
  listening?(port: number): void;
  /** The slides' vote page for phones at `/poll/vote`: its scripts and styles. */
  votePage(): Promise<{ scripts: VoteScripts; styles: string }>;
  /** Where the room's votes are kept between starts of the class server. */
  pollDataDir: string;
  /** Starts the technique arena on loopback ports, served at `/arena/` (the kit's; the bundle has none). */
  arena?(): Promise<RunningArena>;
}

/** Usage: [--port 8000] [--host 0.0.0.0] [--origin https://example.org]… (see the README). */
export async function runClassCommand(argv: string[], launch: ClassLaunch): Promise<void> {
  try {
    await runClass(argv, launch);
  } catch (error) {
    console.error(styleText('red', error instanceof Error ? error.message : String(error)));
    process.exitCode = 1;
  }
}

async function runClass(argv: string[], launch: ClassLaunch): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '0.0.0.0' },
      origin: { type: 'string', multiple: true, default: [] },
    },
  });
  const port = readClassPort(values.port ?? process.env.CLASS_PORT, DEFAULT_CLASS_PORT);
  if (port !== 0 && !(await isPortFree(port))) {
    throw new Error(
      `Port ${port} (class server) is already in use (is another "pnpm class" still running?). ` +
        'Stop it, or pick another port with --port <port> or CLASS_PORT=<port>.',
    );
  }
  const servers = await Promise.all(
    CLASS_ROUTES.map(async (route): Promise<ReferenceServer> => ({ route, port: await findFreePort() })),
  );
  const instructorKey = readInstructorKey(process.env.CLASS_INSTRUCTOR_KEY);
  const boardDir = await launch.boardPage();
  const traffic = new TrafficCounter(CLASS_ROUTES.map((route) => route.prefix));
  const poll = await createClassPoll(launch, instructorKey, servers);
  const arena = await launch.arena?.();
  const app = createClassApp({
    arena: arena !== undefined,
    poll: poll.mount(),
    routes: CLASS_ROUTES,
    store: new ProgressStore(),
    instructorKey,
    boardScript: await launch.consoleScript(),
    boardDir,
    traffic,
  });
  const front = createClassServer({
    routes: [
      ...servers.map(({ route, port: serverPort }) => runningRoute(route.prefix, serverPort, route.label)),
      ...(arena ? arenaRoutes(arena, instructorKey) : []),
    ],
    own: app,
    traffic,
  });
  const address = await front.listen(port, values.host).catch(async (error: unknown) => {
    // Its timers and child process would keep this process alive after the error.
    await arena?.close();
    throw error;
  });
  launch.listening?.(address.port);
  // The same choice as the slides' poll QR code: Wi-Fi and Ethernet first, no VPNs, containers or VMs.
  const lan = chooseLanAddress(networkInterfaces()).candidates.map((candidate) => candidate.address);
  const origins = classOrigins({
    classPort: address.port,
    lanAddresses: lan,
    extra: [...values.origin, ...splitList(process.env.CLASS_ORIGINS)],
  });
  const processes = planClassServers({
    servers,
    room: {
      allowedOrigins: origins,
      instructorKey,
      // Made anew at every start: only this class's app may publish to this class's broker.
      publisherKey: randomBytes(18).toString('base64url'),
      subscribeTokenSecret: randomBytes(32).toString('base64url'),
      redisUrl: process.env.CLASS_REDIS_URL || undefined,
    },
    locate: launch.locate,
  });
  printClassBanner({
    host: values.host,
    port: address.port,
    lan,
    origins,
    routes: CLASS_ROUTES,
    instructorKey,
    arena: arena !== undefined,
  });
  await run(processes, front, poll, arena);
}

/**
 * The slides' poll for the room at `/poll`: phones vote where they reach the class server, and the presenter's
 * `pnpm slides` (WORKSHOP_CLASS) passes the talk's requests on with the instructor's key, which alone may report
 * the slide and start the break. The pub/sub slide's idea board is this class's own `/05/`.
 */
async function createClassPoll(
  launch: ClassLaunch,
  instructorKey: string,
  servers: ReferenceServer[],
): Promise<PollServer> {
  const { scripts, styles } = await launch.votePage();
  const boardApp = servers.find((server) => server.route.prefix === '/05');
  return createPollServer({
    dataDir: launch.pollDataDir,
    presenterKey: instructorKey,
    // Every device comes from the room (or through a TLS proxy on loopback): only the key makes a presenter.
    isPresenter: () => false,
    trustProxy: 'loopback',
    buildVoteScripts: async () => scripts,
    voteStyles: styles,
    ...(boardApp
      ? {
          board: new BoardWatch({
            // A path: the slide resolves it against the vote page's address, the one the presenter used.
            locate: () => ({ pageUrl: BOARD_PAGE_PATH, statsUrl: `${localUrl(boardApp.port)}/stats` }),
          }),
        }
      : {}),
  });
}

/** The instructor's key: CLASS_INSTRUCTOR_KEY, else made anew (16 characters, as 05's app requires at least). */
function readInstructorKey(configured: string | undefined): string {
  if (!configured) return randomBytes(12).toString('base64url');
  if (configured.length < 16) {
    throw new Error(
      `CLASS_INSTRUCTOR_KEY must be at least 16 characters long (it has ${configured.length}).`,
    );
  }
  return configured;
}

function runningRoute(prefix: string, port: number, label: string): RunningRoute {
  return { prefix, port, name: `exercise ${label}` };
}

function splitList(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

async function run(
  processes: LaunchProcess[],
  front: ClassServer,
  poll: PollServer,
  arena: RunningArena | undefined,
): Promise<void> {
  // Ctrl+C reaches the reference servers from the terminal; the front door closes with them.
  let stopping = false;
  const closeFront = () => {
    stopping = true;
    void front.close();
  };
  process.once('SIGINT', closeFront);
  process.once('SIGTERM', closeFront);
  void sayWhenReady(processes, () => stopping);
  const ok = await runLabelled(processes, { watch: false });
  stopping = true;
  await front.close();
  // Writes the room's last votes.
  await poll.close();
  // Its simulated clients run in a child process: it ends with the arena.
  await arena?.close();
  if (!ok) process.exitCode = 1;
}

/** One line once every reference server answers: from then on the whole room can join. */
async function sayWhenReady(processes: LaunchProcess[], stopped: () => boolean): Promise<void> {
  const servers = processes.filter((process_) => process_.readyUrl !== undefined);
  const answered = await Promise.all(
    servers.map((server) => waitUntilAnswering(server.readyUrl ?? '', { boundMs: READY_BOUND_MS, stopped })),
  );
  if (stopped()) return;
  const silent = servers.filter((_server, index) => !answered[index]).map((server) => server.name);
  if (silent.length === 0) {
    console.log(
      styleText('green', `Ready: all ${servers.length} reference servers answer. The room can join.`),
    );
    return;
  }
  console.log(
    styleText(
      'red',
      `Not ready after ${READY_BOUND_MS / 1000} s: ${silent.join(', ')} did not answer (see above).`,
    ),
  );
}
