export interface BrokerConfig {
  port: number;
  allowedOrigins: string[];
  /** Shared with the app backend: it signs subscribe tokens, the broker checks them. */
  subscribeTokenSecret: string;
  /** Only who has this may publish (the app backend). */
  publisherKey: string;
  /** Set: share channels, history and presence with every other broker on this Redis. */
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  historySize: number;
  heartbeatMs: number;
  presenceTtlMs: number;
  maxBufferedBytes: number;
  keepAliveMs: number;
}

/** Development defaults, the same in the app backend's config; a real deployment sets its own. */
export const DEV_SUBSCRIBE_TOKEN_SECRET = 'workshop-subscribe-secret-change-me';
export const DEV_PUBLISHER_KEY = 'workshop-publisher-key';
const DEV_CLIENT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/**
 * Reads PORT, ALLOWED_ORIGINS, SUBSCRIBE_TOKEN_SECRET, PUBLISHER_KEY, REDIS_URL, REDIS_KEY_PREFIX,
 * HISTORY_SIZE, HEARTBEAT_INTERVAL_MS, PRESENCE_TTL_MS, MAX_BUFFERED_BYTES and SSE_KEEP_ALIVE_MS, failing
 * with a clear message. The tests shorten the timings; the defaults are the task's.
 */
export function readBrokerConfig(
  env: NodeJS.ProcessEnv,
  { defaultPort }: { defaultPort: number },
): BrokerConfig {
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new Error(`REDIS_URL must look like redis://localhost:6379, got "${redisUrl}".`);
  }
  return {
    port: readInteger(env, 'PORT', defaultPort, { min: 0, max: 65_535 }),
    allowedOrigins: env.ALLOWED_ORIGINS ? splitList(env.ALLOWED_ORIGINS) : DEV_CLIENT_ORIGINS,
    subscribeTokenSecret: readSecret(env, 'SUBSCRIBE_TOKEN_SECRET', DEV_SUBSCRIBE_TOKEN_SECRET),
    publisherKey: readSecret(env, 'PUBLISHER_KEY', DEV_PUBLISHER_KEY),
    redisUrl,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'idea-board',
    historySize: readInteger(env, 'HISTORY_SIZE', 100, { min: 1, max: 100_000 }),
    heartbeatMs: readInteger(env, 'HEARTBEAT_INTERVAL_MS', 10_000, { min: 100, max: 300_000 }),
    presenceTtlMs: readInteger(env, 'PRESENCE_TTL_MS', 30_000, { min: 300, max: 600_000 }),
    maxBufferedBytes: readInteger(env, 'MAX_BUFFERED_BYTES', 1024 * 1024, {
      min: 1024,
      max: 64 * 1024 * 1024,
    }),
    keepAliveMs: readInteger(env, 'SSE_KEEP_ALIVE_MS', 15_000, { min: 100, max: 60_000 }),
  };
}

function readSecret(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  // HS256 keys shorter than the hash are weak, and jose refuses nothing: we do.
  if (text.length < 16) throw new Error(`${name} must be at least 16 characters long.`);
  return text;
}

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  { min, max }: { min: number; max: number },
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return value;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
