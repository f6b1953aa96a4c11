import { describe, expect, it } from 'vitest';
import { parseVoteInput } from './vote-input';

describe('parseVoteInput', () => {
  it('accepts a complete vote', () => {
    expect(parseVoteInput({ questionId: 'sse', optionId: 'used', deviceId: '0123456789abcdef' })).toEqual({
      ok: true,
      value: { questionId: 'sse', optionId: 'used', deviceId: '0123456789abcdef' },
    });
  });

  it.each([
    ['no object', null, /JSON object/],
    ['an array', [], /JSON object/],
    ['no question', { optionId: 'used', deviceId: '0123456789' }, /questionId/],
    [
      'a question with odd characters',
      { questionId: 'SSE!', optionId: 'used', deviceId: '0123456789' },
      /questionId/,
    ],
    ['a number as option', { questionId: 'sse', optionId: 3, deviceId: '0123456789' }, /optionId/],
    ['a short device id', { questionId: 'sse', optionId: 'used', deviceId: 'abc' }, /deviceId/],
    ['a device id with spaces', { questionId: 'sse', optionId: 'used', deviceId: 'abc def ghi' }, /deviceId/],
  ])('refuses %s', (_what, body, message) => {
    const result = parseVoteInput(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
