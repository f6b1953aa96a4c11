// The Redis a benchmark shares its brokers through: REDIS_URL when it is set, otherwise a redis-server of its
// own on a free loopback port (stopped by its PID afterwards), or none when redis-server is not installed.
import { spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';

export interface BenchRedis {
  url: string;
  stop(): Promise<void>;
}

const START_BOUND_MS = 10_000;

export async function openBenchRedis(): Promise<BenchRedis | undefined> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const started = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_BOUND_MS);
    server.once('error', () => resolve(false));
    server.stdout?.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('Ready to accept connections')) return;
      clearTimeout(timer);
      resolve(true);
    });
  });
  const stop = async () => {
    // Never started (no redis-server on this machine): nothing to stop.
    if (server.pid === undefined) return;
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill();
    await exited;
  };
  if (!started) {
    await stop();
    return undefined;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
