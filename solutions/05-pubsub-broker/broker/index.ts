import { type Broker, createBroker } from './app';
import { type BrokerConfig, readBrokerConfig } from './broker-config';
import type { BrokerEngine } from './broker-engine';
import { createMemoryEngine } from './memory-engine';

// The broker (`pnpm dev` starts it on 3100 for the reference, 4100 for yours). With REDIS_URL set, start as
// many as you like: they share channels, history and presence.
try {
  const config = readBrokerConfig(process.env, { defaultPort: 4100 });
  const engine = await openEngine(config);
  const broker = createBroker({ ...config, engine });
  const address = await broker.listen(config.port).catch(async (error: unknown) => {
    await engine.close();
    throw new Error(explainListenError(error, config.port));
  });
  const shared = config.redisUrl ? `, sharing channels through ${config.redisUrl}` : '';
  console.log(`Broker on http://localhost:${address.port} (WebSocket /connect, SSE /events)${shared}`);
  stopOnSignals(broker);
} catch (error) {
  // A one-line message instead of a stack trace: these are setup problems, not bugs.
  console.error(error instanceof Error ? error.message : error);
  // A Redis client that is still trying to connect would keep the process alive.
  process.exit(1);
}

async function openEngine(config: BrokerConfig): Promise<BrokerEngine> {
  if (!config.redisUrl) return createMemoryEngine({ historySize: config.historySize });
  const redisUrl = config.redisUrl;
  // Loaded only when asked for: the Redis client is most of the broker's start-up time.
  const { createRedisEngine } = await import('./redis-engine');
  const connecting = createRedisEngine({
    url: redisUrl,
    keyPrefix: config.redisKeyPrefix,
    historySize: config.historySize,
    presenceTtlMs: config.presenceTtlMs,
  });
  const timeout = new Promise<never>((_resolve, reject) => {
    setTimeout(
      () => reject(new Error(`Cannot reach Redis at ${redisUrl}. Is redis-server running?`)),
      5_000,
    ).unref();
  });
  return Promise.race([connecting, timeout]);
}

function explainListenError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use (is another "pnpm dev" still running?). Stop it, or set PORT to a free port.`;
  }
  if (code === 'EACCES') return `Port ${port} needs special rights on this system; choose a port above 1024.`;
  return `Could not start the broker on port ${port}: ${String(error)}`;
}

function stopOnSignals(broker: Broker): void {
  const stop = () => {
    broker.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
