import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, parseNotificationInput } from './notification-input';

describe('parseNotificationInput', () => {
  it('accepts title and message, trimmed', () => {
    expect(parseNotificationInput({ title: ' Hi ', message: ' there ' })).toEqual({
      ok: true,
      value: { title: 'Hi', message: 'there' },
    });
  });

  it('accepts a progress notification', () => {
    const result = parseNotificationInput({ title: 'Upload', message: 'slides.pdf', type: 'progress' });
    expect(result).toEqual({ ok: true, value: { title: 'Upload', message: 'slides.pdf', type: 'progress' } });
  });

  it.each([
    ['no object', 'hello', /JSON object/],
    ['an array', [], /JSON object/],
    ['null', null, /JSON object/],
    ['a missing title', { message: 'x' }, /title must be a string/],
    ['an empty message', { title: 'x', message: '   ' }, /message must not be empty/],
    ['a number as title', { title: 5, message: 'x' }, /title must be a string/],
    ['another type', { title: 'x', message: 'y', type: 'alert' }, /type must be "progress"/],
    ['an unknown field', { title: 'x', message: 'y', admin: true }, /Unknown field "admin"/],
    ['a title too long', { title: 'x'.repeat(MAX_TITLE_LENGTH + 1), message: 'y' }, /at most/],
  ])('refuses %s with a reason', (_case, body, reason) => {
    const result = parseNotificationInput(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });
});
