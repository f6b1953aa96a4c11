// Where the class server runs, and how a student's `pnpm dev` finds it: `--class <address>`, else
// WORKSHOP_CLASS in the environment, else WORKSHOP_CLASS in the kit's `.env` file (typed once per workshop).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** Not 3000/4000/5173/8080 (the exercises'), nor 5000/7000 (macOS AirPlay). */
export const DEFAULT_CLASS_PORT = 8000;

/** Students' pages come from their own laptop's Vite (5173); these origins may use the class server. */
const STUDENT_PAGE_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

export function readClassPort(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`The class server's port must be a whole number from 0 to 65535, got "${text}".`);
  }
  return port;
}

export interface OriginsInput {
  classPort: number;
  lanAddresses: string[];
  /** Added by the instructor: `--origin` and CLASS_ORIGINS. */
  extra: string[];
}

/** Students' own pages, the class server's own pages (on each address of this laptop), and what the instructor added. */
export function classOrigins({ classPort, lanAddresses, extra }: OriginsInput): string[] {
  const own = ['localhost', '127.0.0.1', ...lanAddresses].map((host) => `http://${host}:${classPort}`);
  const added = extra.map((origin) => checkOrigin(origin));
  return [...new Set([...STUDENT_PAGE_ORIGINS, ...own, ...added])];
}

function checkOrigin(text: string): string {
  const url = parseHttpUrl(text, '--origin');
  return url.origin;
}

export interface ClassChoice {
  /** The class server's base address without a trailing slash, e.g. `http://192.168.1.20:8000`. */
  url: string;
  /** Where it came from, for the banner. */
  source: '--class' | 'WORKSHOP_CLASS' | '.env';
}

/** The class server a student joins, or undefined to use the local reference server. `off` (flag or variable) ignores the rest. */
export function chooseClass(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  envFile: string,
): ClassChoice | undefined {
  if (flag !== undefined)
    return flag === 'off' ? undefined : { url: normalizeClassUrl(flag), source: '--class' };
  if (env.WORKSHOP_CLASS === 'off') return undefined;
  if (env.WORKSHOP_CLASS) return { url: normalizeClassUrl(env.WORKSHOP_CLASS), source: 'WORKSHOP_CLASS' };
  const fromFile = readEnvFile(envFile).WORKSHOP_CLASS;
  if (fromFile) return { url: normalizeClassUrl(fromFile), source: '.env' };
  return undefined;
}

/** `http://192.168.1.20:8000/` → `http://192.168.1.20:8000`; a path stays (a class server behind a proxy). */
export function normalizeClassUrl(text: string): string {
  const url = parseHttpUrl(text, '--class');
  if (url.search || url.hash)
    throw new Error(`--class takes the class server's address without ? or #, got "${text}".`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseHttpUrl(text: string, option: string): URL {
  // "192.168.1.20:8000" as typed from the projector means http://; "ftp://…" is refused below.
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`${option} needs an address like http://192.168.1.20:8000, got "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${option} needs an http:// or https:// address, got "${text}".`);
  }
  return url;
}

/** The kit's `.env` as name → value; empty when there is none. */
export function readEnvFile(file: string): Record<string, string | undefined> {
  if (!existsSync(file)) return {};
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string | undefined>;
}

/** The kit's `.env`, beside the root package.json. */
export function envFileAt(root: string): string {
  return path.join(root, '.env');
}
