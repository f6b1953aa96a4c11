import { spawnSync } from 'node:child_process';
import { ROOT } from '../../scripts/exercise-catalog';
import { findFreePort } from '../../scripts/ports';
import { ManagedProcess } from '../harness/managed-process';

/** A Redis for the scale-out specs: REDIS_URL when set (CI starts one), else our own redis-server. */
export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

export async function useTestRedis(): Promise<TestRedis> {
  const fromEnvironment = process.env.REDIS_URL;
  if (fromEnvironment) return { url: fromEnvironment, stop: async () => {} };
  return startOwnRedis();
}

/** A Redis of our own, also when REDIS_URL is set: a check may make it stop answering (SIGSTOP) for a while. */
export interface OwnRedis extends TestRedis {
  /** Redis stops answering, as on an overloaded or cut-off host; connections stay open. */
  pause(): void;
  resume(): void;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error(
      'These checks need Redis: set REDIS_URL, or install redis-server (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).',
    );
  }
  const port = await findFreePort();
  const server = new ManagedProcess({
    label: 'redis-server',
    command: 'redis-server',
    args: ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'],
    cwd: ROOT,
    env: {},
  });
  await server.waitForOutput(/Ready to accept connections/);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => {
      server.signal('SIGCONT');
      return server.stop();
    },
    pause: () => server.signal('SIGSTOP'),
    resume: () => server.signal('SIGCONT'),
  };
}
