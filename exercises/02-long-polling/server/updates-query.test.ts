import { describe, expect, it } from 'vitest';
import { parseUpdatesQuery } from './updates-query';

describe('parseUpdatesQuery', () => {
  it('accepts no query at all: the first request', () => {
    expect(parseUpdatesQuery({})).toEqual({ ok: true, since: undefined });
  });

  it('accepts a cursor', () => {
    expect(parseUpdatesQuery({ since: '9f3a1c-42' })).toEqual({ ok: true, since: '9f3a1c-42' });
  });

  it.each([
    ['an empty since', { since: '' }, /since must be the cursor/],
    ['a since that is no cursor', { since: 'latest' }, /since must be the cursor/],
    ['a since sent twice', { since: ['9f3a1c-1', '9f3a1c-2'] }, /at most once/],
    ['an unknown parameter', { since: '9f3a1c-1', limit: '5' }, /Unknown query parameter "limit"/],
  ])('refuses %s with a reason', (_case, query, reason) => {
    const result = parseUpdatesQuery(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('does not echo a huge value back', () => {
    const result = parseUpdatesQuery({ since: 'x'.repeat(10_000) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });
});
