// `pnpm class` (the instructor's laptop): the reference servers of exercises 01–04 for the whole room,
// behind one port on every network interface. Students join with `pnpm dev NN --class <address>`.
// Usage: pnpm class [--port 8000] [--host 0.0.0.0] [--origin https://example.org]…
import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { parseArgs, styleText } from 'node:util';
import { createClassApp } from '../classroom/server/class-app';
import { CLASS_ROUTES } from '../classroom/server/class-routes';
import { type ClassServer, createClassServer, type RunningRoute } from '../classroom/server/class-server';
import { transpileInstructorConsoleScript } from '../classroom/server/instructor-console-script';
import { ProgressStore } from '../classroom/server/progress-store';
import { TrafficCounter } from '../classroom/server/traffic-counter';
import { chooseLanAddress } from '../slides/poll/lan-address';
import { printClassBanner } from './class-banner';
import { classOrigins, DEFAULT_CLASS_PORT, readClassPort } from './class-options';
import { planClassServers } from './class-plan';
import { findExercise } from './exercise-catalog';
import { runLabelled } from './labelled-run';
import type { LaunchProcess } from './launch-plan';
import { findFreePort, isPortFree } from './ports';

try {
  const { values } = parseArgs({
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
    CLASS_ROUTES.map(async (route) => ({
      route,
      exercise: findExercise(route.exerciseName),
      port: await findFreePort(),
    })),
  );
  const instructorKey = process.env.CLASS_INSTRUCTOR_KEY || randomBytes(9).toString('base64url');
  const traffic = new TrafficCounter(CLASS_ROUTES.map((route) => route.prefix));
  const app = createClassApp({
    routes: CLASS_ROUTES,
    store: new ProgressStore(),
    instructorKey,
    boardScript: await transpileInstructorConsoleScript(),
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
  const processes = planClassServers({
    servers: servers.map(({ route, exercise, port: serverPort }) => ({
      label: route.label,
      exercise,
      entry: route.entry,
      port: serverPort,
    })),
    allowedOrigins: origins,
  });
  printClassBanner({
    host: values.host,
    port: address.port,
    lan,
    origins,
    routes: CLASS_ROUTES,
    instructorKey,
  });
  await run(processes, front);
} catch (error) {
  console.error(styleText('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
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
