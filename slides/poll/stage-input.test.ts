import { describe, expect, it } from 'vitest';
import { parseBreakInput, parseSlideInput } from './stage-input';

const known = () => ['mood', 'sse'];

describe('parseSlideInput', () => {
  it('accepts the questions of a slide, and a slide without a poll', () => {
    expect(parseSlideInput({ deck: 'workshop', questions: ['sse', 'mood'] }, known)).toEqual({
      ok: true,
      value: { deck: 'workshop', questions: ['sse', 'mood'] },
    });
    expect(parseSlideInput({ deck: 'pubsub', questions: [] }, known)).toEqual({
      ok: true,
      value: { deck: 'pubsub', questions: [] },
    });
  });

  it.each([
    ['no object', 'mood', /JSON object/],
    ['an unknown deck', { deck: 'other', questions: [] }, /deck must be one of workshop, pubsub/],
    ['no list', { deck: 'workshop', questions: 'mood' }, /questions must be a list/],
    ['a long list', { deck: 'workshop', questions: Array(9).fill('mood') }, /at most 8/],
    [
      'an unknown question',
      { deck: 'workshop', questions: ['mood', 'moood'] },
      /no question "moood". Known: mood, sse/,
    ],
    ['a number in the list', { deck: 'workshop', questions: [3] }, /no question 3/],
  ])('refuses %s', (_what, body, message) => {
    const result = parseSlideInput(body, known);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('parseBreakInput', () => {
  it('accepts whole minutes from 0 to 60', () => {
    expect(parseBreakInput({ deck: 'workshop', minutes: 10 })).toEqual({
      ok: true,
      value: { deck: 'workshop', minutes: 10 },
    });
    expect(parseBreakInput({ deck: 'pubsub', minutes: 0 }).ok).toBe(true);
    expect(parseBreakInput({ deck: 'pubsub', minutes: 60 }).ok).toBe(true);
  });

  it.each([
    ['no object', null, /JSON object/],
    ['no deck', { minutes: 10 }, /deck must be one of/],
    ['minutes as text', { deck: 'workshop', minutes: '10' }, /whole number from 0/],
    ['a fraction', { deck: 'workshop', minutes: 2.5 }, /whole number/],
    ['negative minutes', { deck: 'workshop', minutes: -1 }, /whole number from 0/],
    ['more than an hour', { deck: 'workshop', minutes: 61 }, /to 60/],
  ])('refuses %s', (_what, body, message) => {
    const result = parseBreakInput(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
