// A solution server started the way `pnpm dev` starts it (the launch plan), for the fault suite: where it
// answers, how much memory it holds, and whether it is still alive after an attack.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findExercise, ROOT } from '../../scripts/exercise-catalog';
import { type LaunchProcess, planLaunch, planPubSubStack } from '../../scripts/launch-plan';
import { findFreePort } from '../../scripts/ports';
import { ManagedProcess } from '../harness/managed-process';
import { freeDevPorts, startPlanned } from '../harness/planned-process';

export class FaultServer {
  readonly url: string;
  readonly #process: ManagedProcess;
  readonly #cleanup: () => void;

  constructor(url: string, process: ManagedProcess, cleanup: () => void = () => {}) {
    this.url = url;
    this.#process = process;
    this.#cleanup = cleanup;
  }

  get label(): string {
    return this.#process.label;
  }

  /** False once the process ended by itself: an attack crashed it. */
  get isAlive(): boolean {
    return !this.#process.hasExited;
  }

  /** What it printed last, for the message of a failed check. */
  lastLines(): string {
    return this.#process.lastLines(30);
  }

  /** Resident memory in bytes, from /proc (Linux, where CI runs); undefined elsewhere. */
  rssBytes(): number | undefined {
    const pid = this.#process.pid;
    if (pid === undefined || process.platform !== 'linux') return undefined;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  }

  async stop(): Promise<void> {
    await this.#process.stop();
    this.#cleanup();
  }

  /** SIGKILL: a crash or a pulled plug, no cleanup. */
  async kill(): Promise<void> {
    await this.#process.kill();
    this.#cleanup();
  }
}

export interface SolutionServerOptions {
  /** `sse` runs server/index.sse.ts (04's chat over SSE). */
  variant?: string;
  env?: Record<string, string>;
}

/** The reference server of exercise 01–04 alone, on a free port: no page, no student server. */
export async function startSolutionServer(
  exerciseName: string,
  options: SolutionServerOptions = {},
): Promise<FaultServer> {
  const plan = planLaunch({
    exercise: findExercise(exerciseName),
    folder: 'solutions',
    ports: await freeDevPorts(),
    variant: options.variant,
    serverEnv: options.env,
  });
  const reference = plan.find((planned) => planned.name === 'reference');
  if (!reference) throw new Error(`${exerciseName} has no reference server in its launch plan.`);
  return new FaultServer(localUrl(reference), await startAndWait(reference));
}

export interface PubSubServers {
  app: FaultServer;
  /** The first broker; with `brokers: 2` (Redis only) the second is `brokers[1]`. */
  broker: FaultServer;
  brokers: FaultServer[];
  stop(): Promise<void>;
}

/** Exercise 05's app backend with its broker(s): in memory, or on Redis when `redisUrl` is given. */
export async function startPubSubServers(
  options: { env?: Record<string, string>; redisUrl?: string; brokers?: number } = {},
): Promise<PubSubServers> {
  const ports = await freeDevPorts();
  const brokerParts = [{ folder: 'solutions' as const, port: ports.referenceBroker }];
  if ((options.brokers ?? 1) > 1) brokerParts.push({ folder: 'solutions', port: await findFreePort() });
  const plan = planPubSubStack({
    exercise: findExercise('05'),
    clientPort: ports.client,
    app: { folder: 'solutions', port: ports.reference },
    brokers: brokerParts,
    redisUrl: options.redisUrl,
    serverEnv: options.env,
  });
  const appPlan = plan.at(-1);
  const brokerPlans = plan.slice(0, -1);
  if (!appPlan || brokerPlans.length === 0) throw new Error('05’s launch plan has no broker or no app.');
  const brokers: FaultServer[] = [];
  for (const brokerPlan of brokerPlans) {
    brokers.push(new FaultServer(localUrl(brokerPlan), await startAndWait(brokerPlan)));
  }
  const app = new FaultServer(localUrl(appPlan), await startAndWait(appPlan));
  return {
    app,
    broker: brokers[0] as FaultServer,
    brokers,
    async stop() {
      await app.stop();
      for (const broker of brokers) await broker.stop();
    },
  };
}

/** The slides' poll server (`pnpm slides` starts it), with its votes in a folder of its own. */
export async function startPollServer(): Promise<FaultServer> {
  const port = await findFreePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'poll-faults-'));
  const poll = new ManagedProcess({
    label: 'The poll server',
    command: process.execPath,
    args: ['--import', 'tsx/esm', 'poll/index.ts'],
    cwd: path.join(ROOT, 'slides'),
    env: { POLL_PORT: String(port), POLL_HOST: '127.0.0.1', POLL_DATA_DIR: dataDir },
  });
  const url = `http://localhost:${port}`;
  // Ready once the vote page's script is built too: the build happens after listening, and memory is measured
  // from here.
  await poll.waitForHttp(`${url}/vote/vote.js`);
  return new FaultServer(url, poll, () => rmSync(dataDir, { recursive: true, force: true }));
}

async function startAndWait(planned: LaunchProcess): Promise<ManagedProcess> {
  const started = startPlanned(planned);
  try {
    await started.waitForHttp(planned.readyUrl);
    // Any answer means "listening" to the harness; here it must be this server's own 200, not another
    // process that took the port between our check and its start.
    const answer = await fetch(planned.readyUrl);
    await answer.body?.cancel();
    if (!answer.ok || started.hasExited) {
      throw new Error(
        `${planned.title} is not what answers on port ${planned.port} (HTTP ${answer.status}). Its output:\n${started.lastLines()}`,
      );
    }
  } catch (error) {
    await started.stop();
    throw error;
  }
  return started;
}

function localUrl(planned: LaunchProcess): string {
  return `http://localhost:${planned.port}`;
}
