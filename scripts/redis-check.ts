import { connect } from 'node:net';

/** Throws a message that says what to do when nothing answers at `redisUrl`. */
export async function assertRedisReachable(redisUrl: string): Promise<void> {
  const url = new URL(redisUrl);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = connect(Number(url.port || 6379), url.hostname || 'localhost');
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
  if (reachable) return;
  throw new Error(
    `Redis does not answer at ${redisUrl}. Start it (e.g. "redis-server", see the exercise README) or set REDIS_URL.`,
  );
}
