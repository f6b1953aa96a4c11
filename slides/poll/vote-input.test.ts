import { describe, expect, it } from 'vitest';
import { parseVoteInput } from './vote-input';

describe('parseVoteInput', () => {
  it('accepts a complete vote', () => {
    expect(
      parseVoteInput({ deck: 'pubsub', questionId: 'sse', optionId: 'used', deviceId: '0123456789abcdef' }),
    ).toEqual({
      ok: true,
      value: { deck: 'pubsub', questionId: 'sse', optionId: 'used', deviceId: '0123456789abcdef' },
    });
  });

  it.each([
    ['no object', null, /JSON object/],
    ['an array', [], /JSON object/],
    ['no deck', { questionId: 'sse', optionId: 'used', deviceId: '0123456789' }, /deck must be one of/],
    [
      'an unknown deck',
      { deck: 'other', questionId: 'sse', optionId: 'used', deviceId: '0123456789' },
      /deck must be one of workshop, pubsub/,
    ],
    ['no question', { deck: 'workshop', optionId: 'used', deviceId: '0123456789' }, /questionId/],
    [
      'a question with odd characters',
      { deck: 'workshop', questionId: 'SSE!', optionId: 'used', deviceId: '0123456789' },
      /questionId/,
    ],
    [
      'a number as option',
      { deck: 'workshop', questionId: 'sse', optionId: 3, deviceId: '0123456789' },
      /optionId/,
    ],
    [
      'a short device id',
      { deck: 'workshop', questionId: 'sse', optionId: 'used', deviceId: 'abc' },
      /deviceId/,
    ],
    [
      'a device id with spaces',
      { deck: 'workshop', questionId: 'sse', optionId: 'used', deviceId: 'abc def ghi' },
      /deviceId/,
    ],
  ])('refuses %s', (_what, body, message) => {
    const result = parseVoteInput(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
