import { describe, expect, it } from 'vitest';
import { decodeSubscriberCommand } from './subscriber-command';

describe('decodeSubscriberCommand', () => {
  it('reads subscribe, with and without since, and unsubscribe', () => {
    expect(decodeSubscriberCommand('{"type":"subscribe","channel":"ideas"}')).toEqual({
      ok: true,
      command: { type: 'subscribe', channel: 'ideas' },
    });
    expect(decodeSubscriberCommand('{"type":"subscribe","channel":"ideas","since":"abc123-7"}')).toEqual({
      ok: true,
      command: { type: 'subscribe', channel: 'ideas', since: 'abc123-7' },
    });
    expect(decodeSubscriberCommand('{"type":"unsubscribe","channel":"course:42"}')).toEqual({
      ok: true,
      command: { type: 'unsubscribe', channel: 'course:42' },
    });
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[1]', /JSON object/],
    ['null', /JSON object/],
    ['{"type":"publish","channel":"ideas"}', /Unknown type "publish"/],
    ['{"channel":"ideas"}', /Unknown type no type/],
    ['{"type":"subscribe","channel":"ideas","extra":1}', /Unknown field "extra"/],
    ['{"type":"unsubscribe","channel":"ideas","since":"a-1"}', /Unknown field "since"/],
    ['{"type":"subscribe","channel":""}', /channel must be/],
    ['{"type":"subscribe","channel":"a b"}', /channel must be/],
    ['{"type":"subscribe","channel":"x","since":42}', /since must be/],
    ['{"type":"subscribe","channel":"x","since":"yesterday"}', /since must be/],
  ])('refuses %s with a reason', (text, reason) => {
    const result = decodeSubscriberCommand(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('quotes at most a few characters of what it got', () => {
    const result = decodeSubscriberCommand(JSON.stringify({ type: 'x'.repeat(500) }));
    expect(!result.ok && result.error.length).toBeLessThan(120);
  });
});
