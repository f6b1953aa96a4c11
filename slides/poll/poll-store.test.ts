import { describe, expect, it, vi } from 'vitest';
import type { PollQuestion } from './poll-questions';
import { type PollSnapshot, PollStore } from './poll-store';

const QUESTIONS: PollQuestion[] = [
  {
    id: 'sse',
    prompt: { de: 'SSE?', en: 'SSE?' },
    options: [
      { id: 'used', label: { de: 'Benutzt', en: 'Used' } },
      { id: 'never', label: { de: 'Nie', en: 'Never' } },
    ],
  },
  {
    id: 'mood',
    prompt: { de: 'Stimmung?', en: 'Mood?' },
    options: [{ id: 'ok', label: { de: 'Gut', en: 'Good' } }],
  },
];

describe('PollStore', () => {
  it('counts one vote per device and question', () => {
    const store = new PollStore(QUESTIONS);
    store.vote('sse', 'device-a', 'used');
    store.vote('sse', 'device-b', 'used');
    store.vote('sse', 'device-c', 'never');
    expect(store.tally('sse')).toEqual({ used: 2, never: 1 });
  });

  it('moves a changed vote instead of adding it', () => {
    const store = new PollStore(QUESTIONS);
    store.vote('sse', 'device-a', 'used');
    const result = store.vote('sse', 'device-a', 'never');
    expect(result).toEqual({ ok: true, questionId: 'sse', tally: { used: 0, never: 1 } });
  });

  it('keeps the questions apart: the same device may answer each one', () => {
    const store = new PollStore(QUESTIONS);
    store.vote('sse', 'device-a', 'used');
    store.vote('mood', 'device-a', 'ok');
    expect(store.tallies()).toEqual({ sse: { used: 1, never: 0 }, mood: { ok: 1 } });
  });

  it('refuses unknown questions and options with a message, and counts nothing', () => {
    const store = new PollStore(QUESTIONS);
    expect(store.vote('nope', 'device-a', 'used')).toEqual({
      ok: false,
      reason: 'invalid',
      error: 'There is no question "nope". Known: sse, mood.',
    });
    expect(store.vote('sse', 'device-a', 'maybe')).toEqual({
      ok: false,
      reason: 'invalid',
      error: 'Question "sse" has no option "maybe". Known: used, never.',
    });
    expect(store.tally('sse')).toEqual({ used: 0, never: 0 });
  });

  it('tells listeners about changes only', () => {
    const store = new PollStore(QUESTIONS);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.vote('sse', 'device-a', 'used');
    store.vote('sse', 'device-a', 'used');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith('sse', { used: 1, never: 0 });
    unsubscribe();
    store.vote('sse', 'device-a', 'never');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('restores a snapshot, skipping votes that no longer fit a question', () => {
    const store = new PollStore(QUESTIONS, {
      sse: { 'device-a': 'used', 'device-b': 'renamed-option' },
      gone: { 'device-a': 'used' },
    });
    expect(store.tally('sse')).toEqual({ used: 1, never: 0 });
    expect(store.snapshot()).toEqual({ sse: { 'device-a': 'used' } });
  });

  it('survives a round trip through its snapshot', () => {
    const store = new PollStore(QUESTIONS);
    store.vote('sse', 'device-a', 'never');
    store.vote('mood', 'device-b', 'ok');
    const restored = new PollStore(QUESTIONS, JSON.parse(JSON.stringify(store.snapshot())));
    expect(restored.tallies()).toEqual(store.tallies());
  });

  it('resets one question and tells the listeners', () => {
    const store = new PollStore(QUESTIONS);
    store.vote('sse', 'device-a', 'used');
    const listener = vi.fn();
    store.subscribe(listener);
    store.reset('sse');
    expect(listener).toHaveBeenCalledWith('sse', { used: 0, never: 0 });
  });

  it('skips parts of a snapshot that are not device → option maps', () => {
    const broken = { sse: null, mood: ['ok'], other: 3 } as unknown as PollSnapshot;
    const store = new PollStore(QUESTIONS, broken);
    expect(store.tallies()).toEqual({ sse: { used: 0, never: 0 }, mood: { ok: 0 } });
    const mixed = { sse: { 'device-a': 'used', 'device-b': 7 } } as unknown as PollSnapshot;
    expect(new PollStore(QUESTIONS, mixed).tally('sse')).toEqual({ used: 1, never: 0 });
  });

  it('takes at most maxDevicesPerQuestion devices per question; those can still change their vote', () => {
    const store = new PollStore(QUESTIONS, {}, { maxDevicesPerQuestion: 2 });
    store.vote('sse', 'device-a', 'used');
    store.vote('sse', 'device-b', 'used');
    expect(store.vote('sse', 'device-c', 'never')).toMatchObject({ ok: false, reason: 'full' });
    expect(store.vote('sse', 'device-a', 'never')).toEqual({
      ok: true,
      questionId: 'sse',
      tally: { used: 1, never: 1 },
    });
    // Another question has its own room.
    expect(store.vote('mood', 'device-c', 'ok').ok).toBe(true);
    // A snapshot with more devices than that is cut at the limit, too.
    const restored = new PollStore(
      QUESTIONS,
      { sse: { a: 'used', b: 'used', c: 'used' } },
      { maxDevicesPerQuestion: 2 },
    );
    expect(restored.tally('sse')).toEqual({ used: 2, never: 0 });
  });

  it('keeps the counts as votes arrive: a tally does not go through every device', () => {
    const many = Array.from(
      { length: 20 },
      (_, index) => ({ ...QUESTIONS[0], id: `q${index}` }) as PollQuestion,
    );
    const filled = (devices: number) => {
      const store = new PollStore(many);
      for (const question of many) {
        for (let device = 0; device < devices; device += 1) {
          store.vote(question.id, `device-${device}`, device % 3 === 0 ? 'never' : 'used');
        }
      }
      return store;
    };
    const full = filled(2000);
    // The counts stay right through moves and resets.
    full.vote('q0', 'device-1', 'never');
    full.reset('q1');
    expect(full.tally('q0')).toEqual({ used: 1332, never: 668 });
    expect(full.tally('q1')).toEqual({ used: 0, never: 0 });
    // Asking for all counts costs the same with 2000 devices as with one (counting the devices on every ask
    // made it hundreds of times slower).
    const timeTallies = (store: PollStore) => {
      const started = performance.now();
      for (let round = 0; round < 500; round += 1) store.tallies();
      return performance.now() - started;
    };
    const small = filled(1);
    timeTallies(small);
    timeTallies(full);
    expect(timeTallies(full)).toBeLessThan(timeTallies(small) * 10 + 50);
  });

  it('throws when asked for the tally of an unknown question: that is a programming error', () => {
    expect(() => new PollStore(QUESTIONS).tally('nope')).toThrow(TypeError);
  });
});
