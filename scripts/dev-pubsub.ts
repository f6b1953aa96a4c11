// `pnpm dev` for exercise 05: page, app backend and broker, each as the reference and as yours.
import { connect } from 'node:net';
import path from 'node:path';
import { styleText } from 'node:util';
import concurrently from 'concurrently';
import type { DevPorts } from './dev-ports';
import type { Exercise } from './exercise-catalog';
import { isPortFree } from './ports';

export interface PubSubDevOptions {
  /** Your app backend publishes to your broker (Part 3) instead of the reference broker. */
  ownBroker: boolean;
  /** Two instances of this folder's broker sharing channels through Redis (REDIS_URL). */
  redis: boolean;
}

/** Broker ports: the app backend's port + 100 (3100 reference, 4100 yours), movable like the others. */
export interface PubSubPorts extends DevPorts {
  referenceBroker: number;
  studentBroker: number;
}

const DEFAULT_REDIS_URL = 'redis://localhost:6379';

export function readBrokerPorts(env: NodeJS.ProcessEnv, ports: DevPorts): PubSubPorts {
  return {
    ...ports,
    referenceBroker: readPort(env, 'REFERENCE_BROKER_PORT', ports.reference + 100),
    studentBroker: readPort(env, 'STUDENT_BROKER_PORT', ports.student + 100),
  };
}

export async function runPubSubStack(
  exercise: Exercise,
  directory: string,
  ports: PubSubPorts,
  options: PubSubDevOptions,
): Promise<void> {
  const commands = options.redis
    ? redisCommands(ports)
    : workshopCommands(exercise, directory, ports, options);
  await assertPortsFree(commands);
  if (options.redis) await assertRedisReachable(process.env.REDIS_URL || DEFAULT_REDIS_URL);
  printBanner(exercise, directory, ports, options);
  const { result } = concurrently(
    commands.map(({ port: _port, ...command }) => command),
    { cwd: directory, killOthersOn: ['failure'], prefix: '[{name}]', padPrefix: true },
  );
  try {
    await result;
  } catch {
    // Each command has already printed why it stopped; Ctrl+C lands here too.
    process.exitCode = 1;
  }
}

interface DevCommand {
  name: string;
  command: string;
  prefixColor: string;
  /** Checked to be free before anything starts. */
  port: number;
  env: Record<string, string>;
}

function workshopCommands(
  exercise: Exercise,
  directory: string,
  ports: PubSubPorts,
  { ownBroker }: PubSubDevOptions,
): DevCommand[] {
  const origins = allowedOrigins(ports);
  const solution = (file: string) =>
    path.relative(directory, path.join(exercise.solutionDir, file)).split(path.sep).join('/');
  const yourBrokerUrl = `http://localhost:${ownBroker ? ports.studentBroker : ports.referenceBroker}`;
  return [
    page(ports, {
      VITE_REFERENCE_APP: `http://localhost:${ports.reference}`,
      VITE_YOUR_APP: `http://localhost:${ports.student}`,
    }),
    watch('ref broker', 'magenta', solution('broker/index.ts'), ports.referenceBroker, {
      ALLOWED_ORIGINS: origins,
    }),
    watch('ref app', 'magenta', solution('server/index.ts'), ports.reference, {
      ALLOWED_ORIGINS: origins,
      BROKER_URL: `http://localhost:${ports.referenceBroker}`,
    }),
    watch('your broker', 'green', 'broker/index.ts', ports.studentBroker, { ALLOWED_ORIGINS: origins }),
    watch('your app', 'green', 'server/index.ts', ports.student, {
      ALLOWED_ORIGINS: origins,
      BROKER_URL: yourBrokerUrl,
    }),
  ];
}

/** One app backend and two brokers on Redis; the page talks to the app, the app spreads pages over both. */
function redisCommands(ports: PubSubPorts): DevCommand[] {
  const origins = allowedOrigins(ports);
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const brokers = [ports.studentBroker, ports.studentBroker + 1];
  const app = `http://localhost:${ports.student}`;
  return [
    page(ports, { VITE_REFERENCE_APP: app, VITE_YOUR_APP: app }),
    ...brokers.map((port, index) =>
      watch(`broker ${index + 1}`, index === 0 ? 'magenta' : 'yellow', 'broker/index.ts', port, {
        ALLOWED_ORIGINS: origins,
        REDIS_URL: redisUrl,
      }),
    ),
    watch('app', 'green', 'server/index.ts', ports.student, {
      ALLOWED_ORIGINS: origins,
      BROKER_URL: `http://localhost:${brokers[0]}`,
      BROKER_PUBLIC_URLS: brokers.map((port) => `http://localhost:${port}`).join(','),
    }),
  ];
}

function page(ports: PubSubPorts, env: Record<string, string>): DevCommand {
  return {
    name: 'page',
    command: 'vite',
    prefixColor: 'cyan',
    port: ports.client,
    env: { CLIENT_PORT: String(ports.client), ...env },
  };
}

function watch(
  name: string,
  color: string,
  entry: string,
  port: number,
  env: Record<string, string>,
): DevCommand {
  return {
    name,
    command: `tsx watch --clear-screen=false "${entry}"`,
    prefixColor: color,
    port,
    env: { PORT: String(port), ...env },
  };
}

function allowedOrigins(ports: DevPorts): string {
  return `http://localhost:${ports.client},http://127.0.0.1:${ports.client}`;
}

async function assertPortsFree(commands: DevCommand[]): Promise<void> {
  const busy: string[] = [];
  for (const command of commands) {
    if (await isPortFree(command.port)) continue;
    busy.push(
      `Port ${command.port} (${command.name}) is already in use (is another "pnpm dev" still running?).`,
    );
  }
  if (busy.length === 0) return;
  busy.push(
    'Stop it, or move the ports with CLIENT_PORT, REFERENCE_PORT, STUDENT_PORT, REFERENCE_BROKER_PORT, STUDENT_BROKER_PORT.',
  );
  throw new Error(busy.join('\n'));
}

async function assertRedisReachable(redisUrl: string): Promise<void> {
  const url = new URL(redisUrl);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = connect(Number(url.port || 6379), url.hostname || 'localhost');
    socket.setTimeout(2_000);
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(false));
  }).catch(() => false);
  if (reachable) return;
  throw new Error(
    `Redis does not answer at ${redisUrl}. Start it (e.g. "redis-server", see the exercise README) or set REDIS_URL.`,
  );
}

function printBanner(
  exercise: Exercise,
  directory: string,
  ports: PubSubPorts,
  options: PubSubDevOptions,
): void {
  const folder = path.basename(path.dirname(directory));
  const lines = [
    styleText(
      'bold',
      `Exercise ${exercise.name} (${folder}/)${options.redis ? ', two brokers on Redis' : ''}`,
    ),
  ];
  lines.push(`  Page               http://localhost:${ports.client}   (instructor: add #instructor)`);
  if (options.redis) {
    lines.push(`  App backend        http://localhost:${ports.student}`);
    lines.push(
      `  Brokers            http://localhost:${ports.studentBroker} and :${ports.studentBroker + 1}`,
    );
  } else {
    const yours = options.ownBroker ? 'your broker' : 'the reference broker';
    lines.push(
      `  Reference app      http://localhost:${ports.reference}  → reference broker :${ports.referenceBroker}`,
    );
    lines.push(`  Your app           http://localhost:${ports.student}  → ${yours} (server/)`);
    lines.push(`  Your broker        http://localhost:${ports.studentBroker}  (broker/)`);
    lines.push(`  Check your work    pnpm verify ${exercise.number}`);
  }
  lines.push(
    styleText('dim', '  Stop with Ctrl+C. Servers restart when you save a file; the page reloads by itself.'),
    '',
  );
  console.log(lines.join('\n'));
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name} must be a port number from 1 to 65535, got "${text}".`);
  }
  return port;
}
