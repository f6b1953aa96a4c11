import { describe, expect, it } from 'vitest';
import { MAX_LIMIT, parsePollQuery } from './poll-query';

describe('parsePollQuery', () => {
  it('accepts no parameters', () => {
    expect(parsePollQuery({})).toEqual({ ok: true, value: {} });
  });

  it('accepts a limit', () => {
    expect(parsePollQuery({ limit: '10' })).toEqual({ ok: true, value: { limit: 10 } });
    expect(parsePollQuery({ limit: String(MAX_LIMIT) })).toEqual({ ok: true, value: { limit: MAX_LIMIT } });
  });

  it.each([
    ['an unknown parameter', { limt: '5' }, /Unknown query parameter "limt"/],
    ['a limit given twice', { limit: ['1', '2'] }, /only once/],
    ['a limit that is no number', { limit: 'ten' }, /whole number/],
    ['a negative limit', { limit: '-1' }, /whole number/],
    ['a fraction', { limit: '1.5' }, /whole number/],
    ['an empty limit', { limit: '' }, /whole number/],
    ['a limit of 0', { limit: '0' }, /from 1 to/],
    ['a limit too large', { limit: String(MAX_LIMIT + 1) }, /from 1 to/],
  ])('refuses %s with a reason', (_case, query, reason) => {
    const result = parsePollQuery(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
