// `pnpm bench fan-out`'s server under test: one contender in a process of its own (started with --expose-gc),
// so its RSS per client and CPU time are measured without the bench or the clients in them.
import { startContender } from './fan-out-contenders';
import type { ContenderId, ServerCommand, ServerUsage } from './fan-out-messages';

const id = process.argv[2] as ContenderId;
// Several brokers of one scale-out run share their keys and Redis prefix: the bench hands them down.
const contender = await startContender(id, {
  redisUrl: process.env.REDIS_URL,
  publisherKey: process.env.BENCH_PUBLISHER_KEY,
  tokenSecret: process.env.BENCH_TOKEN_SECRET,
  redisKeyPrefix: process.env.BENCH_REDIS_PREFIX,
  channels: Number(process.env.BENCH_CHANNELS ?? 1),
});
process.send?.(contender.ready);

process.on('message', (command: ServerCommand) => {
  if (command.type !== 'usage') return;
  // Memory that is garbage does not count: only what the open connections hold.
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const usage: ServerUsage = {
    type: 'usage',
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    cpuMicros: cpu.user + cpu.system,
  };
  process.send?.(usage);
});

// The bench went away: so do we, after closing the port.
process.on('disconnect', () => {
  void contender.close().finally(() => process.exit(0));
});
