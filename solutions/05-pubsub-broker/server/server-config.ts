import type { RoundPhase } from '../protocol/messages';

export interface ServerConfig {
  port: number;
  allowedOrigins: string[];
  /** Where this backend publishes (`POST <brokerUrl>/publish`). */
  brokerUrl: string;
  /** What pages are told to subscribe to, round-robin; a path (`/05/broker`) means on the address the page used. */
  publicBrokerUrls: string[];
  publisherKey: string;
  subscribeTokenSecret: string;
  instructorKey: string;
  tokenTtlSeconds: number;
  phaseSeconds: Record<RoundPhase, number>;
}

/** Development defaults, the same as in the broker's config; a real deployment sets its own. */
export const DEV_SUBSCRIBE_TOKEN_SECRET = 'workshop-subscribe-secret-change-me';
export const DEV_PUBLISHER_KEY = 'workshop-publisher-key';
export const DEV_INSTRUCTOR_KEY = 'workshop-instructor';
const DEV_CLIENT_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

/**
 * Reads PORT, ALLOWED_ORIGINS, BROKER_URL, BROKER_PUBLIC_URLS, PUBLISHER_KEY, SUBSCRIBE_TOKEN_SECRET,
 * INSTRUCTOR_KEY, TOKEN_TTL_SECONDS and IDEAS_SECONDS / PAIR_SECONDS / SHARE_SECONDS, failing with a clear
 * message. `pnpm dev` sets BROKER_URL; the defaults are the task's.
 */
export function readServerConfig(
  env: NodeJS.ProcessEnv,
  { defaultPort }: { defaultPort: number },
): ServerConfig {
  const brokerUrl = readUrl(env, 'BROKER_URL', 'http://localhost:3100');
  const publicBrokerUrls = env.BROKER_PUBLIC_URLS ? splitList(env.BROKER_PUBLIC_URLS) : [brokerUrl];
  for (const url of publicBrokerUrls) readPublicBrokerUrl(url);
  return {
    port: readInteger(env, 'PORT', defaultPort, { min: 0, max: 65_535 }),
    allowedOrigins: env.ALLOWED_ORIGINS ? splitList(env.ALLOWED_ORIGINS) : DEV_CLIENT_ORIGINS,
    brokerUrl,
    publicBrokerUrls,
    publisherKey: readSecret(env, 'PUBLISHER_KEY', DEV_PUBLISHER_KEY),
    subscribeTokenSecret: readSecret(env, 'SUBSCRIBE_TOKEN_SECRET', DEV_SUBSCRIBE_TOKEN_SECRET),
    instructorKey: readSecret(env, 'INSTRUCTOR_KEY', DEV_INSTRUCTOR_KEY),
    tokenTtlSeconds: readInteger(env, 'TOKEN_TTL_SECONDS', 300, { min: 1, max: 86_400 }),
    phaseSeconds: {
      ideas: readInteger(env, 'IDEAS_SECONDS', 8 * 60, { min: 1, max: 3_600 }),
      pair: readInteger(env, 'PAIR_SECONDS', 4 * 60, { min: 1, max: 3_600 }),
      share: readInteger(env, 'SHARE_SECONDS', 5 * 60, { min: 1, max: 3_600 }),
    },
  };
}

function readUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const text = env[name] || fallback;
  if (!/^https?:\/\/[^/\s]+$/.test(text)) {
    throw new Error(`${name} must be an address like http://localhost:3100 (no path), got "${text}".`);
  }
  return text;
}

/** An address with or without a path (`https://class.example.org/05/broker`), or a path on our own address. */
function readPublicBrokerUrl(text: string): void {
  if (/^\/[^\s]*$/.test(text) || /^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(text)) return;
  throw new Error(
    `BROKER_PUBLIC_URLS must list addresses like http://localhost:3100 or paths like /05/broker, got "${text}".`,
  );
}

function readSecret(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
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
