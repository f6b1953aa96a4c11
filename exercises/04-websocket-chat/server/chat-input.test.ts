import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, MAX_USERNAME_LENGTH, parseChatInput } from './chat-input';

describe('parseChatInput', () => {
  it('accepts username and message, trimmed', () => {
    expect(parseChatInput({ username: ' Ada ', message: '  Hello!\n' })).toEqual({
      ok: true,
      value: { username: 'Ada', message: 'Hello!' },
    });
  });

  it('keeps line breaks inside a message', () => {
    const result = parseChatInput({ username: 'Ada', message: 'line one\nline two' });
    expect(result).toEqual({ ok: true, value: { username: 'Ada', message: 'line one\nline two' } });
  });

  it('accepts text at the length limits', () => {
    const input = { username: 'a'.repeat(MAX_USERNAME_LENGTH), message: 'm'.repeat(MAX_MESSAGE_LENGTH) };
    expect(parseChatInput(input).ok).toBe(true);
  });

  it.each([
    ['no object', 'hello', /JSON object/],
    ['an array', [], /JSON object/],
    ['null', null, /JSON object/],
    ['a missing username', { message: 'x' }, /username must be a string/],
    ['a number as message', { username: 'Ada', message: 5 }, /message must be a string/],
    ['an empty username', { username: '   ', message: 'x' }, /username must not be empty/],
    ['an empty message', { username: 'Ada', message: ' \n ' }, /message must not be empty/],
    ['a username on two lines', { username: 'Ada\nAdmin', message: 'x' }, /one line/],
    ['a username too long', { username: 'a'.repeat(MAX_USERNAME_LENGTH + 1), message: 'x' }, /at most 40/],
    ['a message too long', { username: 'Ada', message: 'm'.repeat(MAX_MESSAGE_LENGTH + 1) }, /at most 1000/],
    [
      'an unknown field',
      { username: 'Ada', message: 'x', timestamp: 'yesterday' },
      /Unknown field "timestamp"/,
    ],
  ])('refuses %s with a reason', (_case, data, reason) => {
    const result = parseChatInput(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
