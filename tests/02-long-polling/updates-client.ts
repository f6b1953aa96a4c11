// A small long-polling client for the specs: asks a server for updates from Node and says what came back.
import type { Change, UpdatesAnswer } from '../../solutions/02-long-polling/protocol/messages';

export const UPDATES_PATH = '/api/notifications/updates';

/** What one `GET /api/notifications/updates` brought back. */
export interface PollResult {
  status: number;
  /** The parsed JSON body; `undefined` for 204 or a body that is not JSON. */
  body: unknown;
  /** The raw body, for error messages. */
  text: string;
  elapsedMs: number;
}

/** Counts the server reports at `GET /stats`. */
export interface Stats {
  waitingRequests: number;
  waitTimers: number;
  changeListeners: number;
  runningProgressTasks: number;
}

/** Asks once; `since` undefined is the first request. Rejects if `signal` aborts. */
export async function askForUpdates(
  baseUrl: string,
  since?: string,
  { signal, query }: { signal?: AbortSignal; query?: string } = {},
): Promise<PollResult> {
  const started = Date.now();
  const search = query ?? (since === undefined ? '' : `?since=${encodeURIComponent(since)}`);
  const response = await fetch(`${baseUrl}${UPDATES_PATH}${search}`, signal ? { signal } : {});
  const text = await response.text();
  return { status: response.status, body: parseJson(text), text, elapsedMs: Date.now() - started };
}

/** A request that is still running: `result` is filled in when it settles. */
export interface PendingPoll {
  readonly promise: Promise<PollResult>;
  result: PollResult | undefined;
  error: unknown;
  abort(): void;
}

export function startPoll(baseUrl: string, since?: string): PendingPoll {
  const controller = new AbortController();
  const pending: PendingPoll = {
    promise: askForUpdates(baseUrl, since, { signal: controller.signal }),
    result: undefined,
    error: undefined,
    abort: () => controller.abort(),
  };
  pending.promise.then(
    (result) => {
      pending.result = result;
    },
    (error: unknown) => {
      pending.error = error;
    },
  );
  return pending;
}

/** The current cursor, from a first request. */
export async function currentCursor(baseUrl: string): Promise<string> {
  const result = await askForUpdates(baseUrl);
  const answer = result.body as Partial<UpdatesAnswer> | undefined;
  if (result.status !== 200 || typeof answer?.cursor !== 'string') {
    throw new Error(
      `Asked ${baseUrl}${UPDATES_PATH} for a first cursor, but got HTTP ${result.status} ${result.text}. ` +
        'The first request (without since) needs its answer first (TODO 2.1).',
    );
  }
  return answer.cursor;
}

export interface Collected {
  changes: Change[];
  requests: number;
  /** How often the server answered `initial` to a cursor (a restart from scratch). */
  resets: number;
}

/**
 * Polls like the page does, from `cursor` on, until `isDone(changes)` or the deadline. `pauseMs` waits
 * between two requests, like a slow client, so that changes pile up in between.
 */
export async function collectChanges(
  baseUrl: string,
  cursor: string,
  isDone: (changes: Change[]) => boolean,
  { timeoutMs = 15_000, pauseMs = 0 }: { timeoutMs?: number; pauseMs?: number } = {},
): Promise<Collected> {
  const collected: Collected = { changes: [], requests: 0, resets: 0 };
  const deadline = Date.now() + timeoutMs;
  let since = cursor;
  while (!isDone(collected.changes)) {
    if (Date.now() > deadline) throw new Error(`gave up after ${collected.requests} requests`);
    const result = await askForUpdates(baseUrl, since, {
      signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
    });
    collected.requests += 1;
    if (result.status === 204) continue;
    if (result.status !== 200) throw new Error(`HTTP ${result.status}: ${result.text}`);
    const answer = result.body as UpdatesAnswer;
    if (answer.kind === 'initial') collected.resets += 1;
    else collected.changes.push(...answer.changes);
    since = answer.cursor;
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return collected;
}

export function publish(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function readStats(baseUrl: string): Promise<Stats> {
  const response = await fetch(`${baseUrl}/stats`);
  return (await response.json()) as Stats;
}

/** A well-formed cursor that no run of this server gave out: another run's prefix. */
export function cursorOfAnotherRun(cursor: string): string {
  const run = cursor.split('-')[0] ?? '';
  return `${run === '000000' ? '111111' : '000000'}-1`;
}

export function isNotificationList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.every(
    (item) =>
      typeof item === 'object' &&
      item !== null &&
      ['id', 'title', 'message', 'time'].every((field) => field in item),
  );
}

let titleCount = 0;
/** A title no other test uses, so assertions cannot match someone else's notification. */
export function uniqueTitle(label: string): string {
  titleCount += 1;
  return `${label} #${titleCount}-${Date.now()}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
