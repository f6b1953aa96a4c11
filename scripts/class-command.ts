// The class server as a command: the front door on one port, the reference servers behind it, the banner.
// `pnpm class` runs the reference servers from solutions/ (scripts/class.ts); the bundle of `pnpm class:build`
// runs its own bundled copies (classroom/bundle/class-server.ts). Everything else is this same code.
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { parseArgs, styleText } from 'node:util';
import { createClassApp } from '../classroom/server/class-app';
import type { ClassRoute } from '../classroom/server/class-routes';
import { CLASS_ROUTES } from '../classroom/server/class-routes';
import { type ClassServer, createClassServer, type RunningRoute } from '../classroom/server/class-server';
import { ProgressStore } from '../classroom/server/progress-store';
import { TrafficCounter } from '../classroom/server/traffic-counter';
import { chooseLanAddress } from '../slides/poll/lan-address';
import { printClassBanner } from './class-banner';
import { classOrigins, DEFAULT_CLASS_PORT, readClassPort } from './class-options';
import { runLabelled } from './labelled-run';
import type { LaunchProcess } from './launch-plan';
import { findFreePort, isPortFree } from './ports';

export interface ReferenceServer {
  route: ClassRoute;
  /** A free loopback port; only the front door talks to it. */
  port: number;
}

/** What differs between the kit and the bundle: where the reference servers and the console's script come from. */
export interface ClassLaunch {
  consoleScript(): Promise<string>;
  planServers(servers: ReferenceServer[], allowedOrigins: string[]): LaunchProcess[];
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
  const instructorKey = process.env.CLASS_INSTRUCTOR_KEY || randomBytes(9).toString('base64url');
  const traffic = new TrafficCounter(CLASS_ROUTES.map((route) => route.prefix));
  const app = createClassApp({
    routes: CLASS_ROUTES,
    store: new ProgressStore(),
    instructorKey,
    boardScript: await launch.consoleScript(),
    traffic,
  });
  const front = createClassServer({
    routes: servers.map(({ route, port: serverPort }) => runningRoute(route.prefix, serverPort, route.label)),
    own: app,
    traffic,
  });
  const address = await front.listen(port, values.host);
  // The same choice as the slides' poll QR code: Wi-Fi and Ethernet first, no VPNs, containers or VMs.
  const lan = chooseLanAddress(networkInterfaces()).candidates.map((candidate) => candidate.address);
  const origins = classOrigins({
    classPort: address.port,
    lanAddresses: lan,
    extra: [...values.origin, ...splitList(process.env.CLASS_ORIGINS)],
  });
  const processes = launch.planServers(servers, origins);
  printClassBanner({
    host: values.host,
    port: address.port,
    lan,
    origins,
    routes: CLASS_ROUTES,
    instructorKey,
  });
  await run(processes, front);
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

async function run(processes: LaunchProcess[], front: ClassServer): Promise<void> {
  // Ctrl+C reaches the reference servers from the terminal; the front door closes with them.
  const closeFront = () => void front.close();
  process.once('SIGINT', closeFront);
  process.once('SIGTERM', closeFront);
  const ok = await runLabelled(processes, { watch: false });
  await front.close();
  if (!ok) process.exitCode = 1;
}
