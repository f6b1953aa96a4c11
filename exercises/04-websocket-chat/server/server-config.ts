export interface ServerConfig {
  port: number;
  allowedOrigins: string[];
  heartbeatMs: number;
  maxBufferedBytes: number;
  keepAliveMs: number;
  postRateLimit: { maxRequests: number; windowMs: number };
  /** The class server's instructor key: with it, `/moderation` is open to the instructor. */
  instructorKey?: string;
}

const DEV_CLIENT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/**
 * Reads PORT, ALLOWED_ORIGINS (comma-separated), HEARTBEAT_INTERVAL_MS, MAX_BUFFERED_BYTES,
 * SSE_KEEP_ALIVE_MS, POST_RATE_LIMIT_MAX_REQUESTS, POST_RATE_LIMIT_WINDOW_MS and INSTRUCTOR_KEY, failing with a clear
 * message. The tests shorten the timings; the defaults are the task's.
 */
export function readServerConfig(
  env: NodeJS.ProcessEnv,
  { defaultPort }: { defaultPort: number },
): ServerConfig {
  return {
    port: readInteger(env, 'PORT', defaultPort, { min: 0, max: 65_535 }),
    allowedOrigins: env.ALLOWED_ORIGINS ? splitList(env.ALLOWED_ORIGINS) : DEV_CLIENT_ORIGINS,
    heartbeatMs: readInteger(env, 'HEARTBEAT_INTERVAL_MS', 30_000, { min: 100, max: 300_000 }),
    maxBufferedBytes: readInteger(env, 'MAX_BUFFERED_BYTES', 1024 * 1024, {
      min: 1024,
      max: 64 * 1024 * 1024,
    }),
    keepAliveMs: readInteger(env, 'SSE_KEEP_ALIVE_MS', 15_000, { min: 100, max: 60_000 }),
    // 100 POSTs per 10 s per address: a class of 30 behind one NAT address chatting over SSE fits; a script in
    // a loop gets 429 instead of flooding the room.
    postRateLimit: {
      maxRequests: readInteger(env, 'POST_RATE_LIMIT_MAX_REQUESTS', 100, { min: 1, max: 1_000_000 }),
      windowMs: readInteger(env, 'POST_RATE_LIMIT_WINDOW_MS', 10_000, { min: 100, max: 3_600_000 }),
    },
    ...readInstructorKey(env.INSTRUCTOR_KEY),
  };
}

/** A key someone could guess would open the moderation of the class chat to the room. */
function readInstructorKey(text: string | undefined): { instructorKey?: string } {
  if (text === undefined || text === '') return {};
  if (text.length < 16) throw new Error('INSTRUCTOR_KEY must be at least 16 characters long.');
  return { instructorKey: text };
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
