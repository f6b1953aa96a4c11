import { describe, expect, it } from 'vitest';
import { parsePublishRequest } from './publish-input';

describe('parsePublishRequest', () => {
  it('takes channel, event and any JSON data', () => {
    for (const data of [{ text: 'hi' }, [1, 2], 'text', 0, null, false]) {
      expect(parsePublishRequest({ channel: 'ideas', event: 'idea.created', data })).toEqual({
        ok: true,
        value: { channel: 'ideas', event: 'idea.created', data },
      });
    }
  });

  it('refuses data nested deeper than the broker can store and send', () => {
    let data: unknown = 'deep';
    for (let level = 0; level < 5_000; level += 1) data = { data };
    const result = parsePublishRequest({ channel: 'ideas', event: 'idea.created', data });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/at most 32 levels/) });
  });

  it.each([
    [null, /JSON object/],
    [[], /JSON object/],
    [{ channel: 'ideas', event: 'x', data: 1, extra: 2 }, /Unknown field "extra"/],
    [{ channel: '', event: 'x', data: 1 }, /channel must be/],
    [{ channel: 'a/b', event: 'x', data: 1 }, /channel must be/],
    [{ channel: 'x'.repeat(65), event: 'x', data: 1 }, /channel must be/],
    [{ channel: 'ideas', data: 1 }, /event must be/],
    [{ channel: 'ideas', event: 'two words', data: 1 }, /event must be/],
    [{ channel: 'ideas', event: 'x' }, /data is missing/],
  ])('refuses %j', (body, reason) => {
    const result = parsePublishRequest(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
