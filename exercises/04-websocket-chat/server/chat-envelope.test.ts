import { describe, expect, it } from 'vitest';
import { decodeClientEnvelope, encodeServerEnvelope } from './chat-envelope';

describe('encodeServerEnvelope', () => {
  it('wraps the data in {"event", "data"}', () => {
    const message = { id: 'a-1', username: 'Ada', message: 'Hi', timestamp: '2026-11-29T09:15:00.000Z' };
    expect(JSON.parse(encodeServerEnvelope('chat.message', message))).toEqual({
      event: 'chat.message',
      data: message,
    });
    expect(encodeServerEnvelope('chat.initial', [])).toBe('{"event":"chat.initial","data":[]}');
  });
});

describe('decodeClientEnvelope', () => {
  it('reads a chat event and trims its text', () => {
    const text = JSON.stringify({ event: 'chat', data: { username: ' Ada ', message: ' Hi ' } });
    expect(decodeClientEnvelope(text)).toEqual({
      ok: true,
      envelope: { event: 'chat', data: { username: 'Ada', message: 'Hi' } },
    });
  });

  it.each([
    ['malformed JSON', '{"event": "chat", ', /not valid JSON/],
    ['a bare string', '"chat"', /JSON object/],
    ['an array', '[]', /JSON object/],
    ['no event', '{"data": {}}', /event must be a string/],
    ['an unknown event', '{"event": "chat.delete", "data": {}}', /Unknown event "chat.delete"/],
    ['an unknown field', '{"event": "chat", "data": {}, "admin": true}', /Unknown field "admin"/],
    ['no data', '{"event": "chat"}', /JSON object/],
    [
      'an empty message',
      '{"event": "chat", "data": {"username": "Ada", "message": "  "}}',
      /must not be empty/,
    ],
  ])('refuses %s with a reason', (_case, text, reason) => {
    const result = decodeClientEnvelope(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('quotes at most a few characters of what the client sent', () => {
    const result = decodeClientEnvelope(JSON.stringify({ event: 'x'.repeat(5000), data: {} }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });
});
