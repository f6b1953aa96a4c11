/** What `GET /api/notifications` accepts after the `?`. */
export interface PollQuery {
  /** Only the newest `limit` notifications; all stored ones when left out. */
  limit?: number;
}

export type PollQueryResult = { ok: true; value: PollQuery } | { ok: false; error: string };

/** The largest `limit`: the server never stores more than this many notifications. */
export const MAX_LIMIT = 200;
const ALLOWED_PARAMETERS = new Set(['limit']);

/**
 * Checks the query of a poll and says exactly what is wrong with it. Unknown parameters are refused rather
 * than ignored, so that a typo (`?limt=5`) is noticed instead of silently returning everything.
 */
export function parsePollQuery(query: Record<string, unknown>): PollQueryResult {
  const unknown = Object.keys(query).find((name) => !ALLOWED_PARAMETERS.has(name));
  if (unknown !== undefined) {
    return { ok: false, error: `Unknown query parameter "${unknown}"; the only one allowed is limit.` };
  }
  if (query.limit === undefined) return { ok: true, value: {} };
  if (typeof query.limit !== 'string') return { ok: false, error: 'Give limit only once, e.g. ?limit=10.' };
  if (!/^\d+$/.test(query.limit)) {
    return { ok: false, error: `limit must be a whole number, got "${query.limit}".` };
  }
  const limit = Number(query.limit);
  if (limit < 1 || limit > MAX_LIMIT) {
    return { ok: false, error: `limit must be from 1 to ${MAX_LIMIT}, got ${limit}.` };
  }
  return { ok: true, value: { limit } };
}
