import { describe, expect, it, vi } from 'vitest';
import type { PollQuestion } from './poll-questions';
import { PollStore } from './poll-store';

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
      error: 'There is no question "nope". Known: sse, mood.',
    });
    expect(store.vote('sse', 'device-a', 'maybe')).toEqual({
      ok: false,
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

  it('throws when asked for the tally of an unknown question: that is a programming error', () => {
    expect(() => new PollStore(QUESTIONS).tally('nope')).toThrow(TypeError);
  });
});
