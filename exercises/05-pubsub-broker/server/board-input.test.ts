import { describe, expect, it } from 'vitest';
import { parseAlertInput, parseIdeaInput, parseRoundInput, parseSessionRequest } from './board-input';

describe('board input', () => {
  it('takes a trimmed one-line name', () => {
    expect(parseSessionRequest({ name: '  Ada ' })).toEqual({ ok: true, value: { name: 'Ada' } });
    expect(parseSessionRequest({ name: 'A\nB' })).toEqual({ ok: false, error: 'name must be on one line.' });
    expect(parseSessionRequest({ name: 'x'.repeat(41) }).ok).toBe(false);
  });

  it('takes ideas up to 280 characters, kept as written', () => {
    const text = '<b>bold?</b> & "quotes"';
    expect(parseIdeaInput({ text })).toEqual({ ok: true, value: { text } });
    expect(parseIdeaInput({ text: 'x'.repeat(280) }).ok).toBe(true);
    expect(parseIdeaInput({ text: 'x'.repeat(281) })).toEqual({
      ok: false,
      error: 'text must be at most 280 characters, got 281.',
    });
  });

  it.each([
    [null, /JSON object/],
    ['text', /JSON object/],
    [{}, /text must be a string/],
    [{ text: 42 }, /text must be a string/],
    [{ text: '  ' }, /must not be empty/],
    [{ text: 'hi', author: 'me' }, /Unknown field "author"/],
  ])('refuses the idea %j', (body, reason) => {
    const result = parseIdeaInput(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('takes the three phases and alerts up to 200 characters', () => {
    for (const phase of ['ideas', 'pair', 'share'] as const) {
      expect(parseRoundInput({ phase })).toEqual({ ok: true, value: { phase } });
    }
    expect(parseRoundInput({ phase: 'lunch' })).toEqual({
      ok: false,
      error: 'phase must be one of "ideas", "pair", "share".',
    });
    expect(parseAlertInput({ text: 'Two minutes left!' }).ok).toBe(true);
    expect(parseAlertInput({ text: 'x'.repeat(201) }).ok).toBe(false);
  });
});
