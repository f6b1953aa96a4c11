import { describe, expect, it } from 'vitest';
import { parseModerationInput } from './moderation-input';

describe('parseModerationInput', () => {
  it.each([
    [
      { action: 'say', message: ' Break until 10:15 ' },
      { action: 'say', message: 'Break until 10:15' },
    ],
    [
      { action: 'delete', id: 'a1b2c3-7' },
      { action: 'delete', id: 'a1b2c3-7' },
    ],
    [{ action: 'clear' }, { action: 'clear' }],
    [
      { action: 'mute', username: 'Ada' },
      { action: 'mute', username: 'Ada' },
    ],
    [
      { action: 'unmute', username: 'Ada' },
      { action: 'unmute', username: 'Ada' },
    ],
    [
      { action: 'slow', seconds: 30 },
      { action: 'slow', seconds: 30 },
    ],
    [
      { action: 'slow', seconds: 0 },
      { action: 'slow', seconds: 0 },
    ],
  ])('accepts %j', (body, value) => {
    expect(parseModerationInput(body)).toEqual({ ok: true, value });
  });

  it.each([
    ['no object', 'clear', /JSON object/],
    [
      'an unknown action',
      { action: 'ban' },
      /Unknown action "ban"; one of say, delete, clear, mute, unmute, slow/,
    ],
    ['say without a message', { action: 'say', message: '  ' }, /message must be a non-empty string/],
    ['a long message', { action: 'say', message: 'x'.repeat(1001) }, /at most 1000/],
    ['delete without an id', { action: 'delete' }, /id must be/],
    ['mute without a name', { action: 'mute', username: 3 }, /username must be/],
    ['slow with a fraction', { action: 'slow', seconds: 1.5 }, /whole number from 0/],
    ['slow for ten minutes', { action: 'slow', seconds: 600 }, /to 300/],
  ])('refuses %s', (_what, body, message) => {
    const result = parseModerationInput(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
