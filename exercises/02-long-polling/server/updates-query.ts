import { CURSOR_PATTERN } from './notification-feed';

/** What `GET /api/notifications/updates` understands: `since` or nothing. */
export type UpdatesQuery = { ok: true; since: string | undefined } | { ok: false; error: string };

/** Longer values are cut in error messages, so a huge query does not come back as a huge answer. */
const MAX_ECHO_LENGTH = 40;

/** Checks the query of `GET /api/notifications/updates` and says exactly what is wrong with it. */
export function parseUpdatesQuery(query: Record<string, unknown>): UpdatesQuery {
  const unknownName = Object.keys(query).find((name) => name !== 'since');
  if (unknownName !== undefined) {
    return {
      ok: false,
      error: `Unknown query parameter "${shorten(unknownName)}"; the only one is since.`,
    };
  }

  const since = query.since;
  if (since === undefined) return { ok: true, since: undefined };
  if (typeof since !== 'string') return { ok: false, error: 'Send since at most once.' };
  if (!CURSOR_PATTERN.test(since)) {
    return {
      ok: false,
      error:
        `since must be the cursor of an earlier answer, like "9f3a1c-42", got "${shorten(since)}". ` +
        'Leave it out on the first request.',
    };
  }
  return { ok: true, since };
}

function shorten(text: string): string {
  return text.length <= MAX_ECHO_LENGTH ? text : `${text.slice(0, MAX_ECHO_LENGTH)}…`;
}
