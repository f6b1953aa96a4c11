import { describe, expect, it } from 'vitest';
import { BoardStore, MAX_IDEAS } from './board-store';

const ada = { id: 'a1', name: 'Ada' };

describe('BoardStore', () => {
  it('stores ideas oldest first with an id and the server time', () => {
    const board = new BoardStore();
    const now = new Date('2026-11-29T09:00:00.000Z');
    const first = board.addIdea(ada, 'one', now);
    const second = board.addIdea(ada, 'two', now);
    expect(first).toMatchObject({ text: 'one', author: ada, createdAt: '2026-11-29T09:00:00.000Z' });
    expect(first.id).not.toBe(second.id);
    expect(board.snapshot(now)).toEqual({
      ideas: [first, second],
      round: null,
      lastEventId: null,
      serverTime: now.toISOString(),
    });
  });

  it('keeps at most MAX_IDEAS', () => {
    const board = new BoardStore();
    for (let index = 0; index <= MAX_IDEAS; index += 1) board.addIdea(ada, `idea ${index}`);
    const { ideas } = board.snapshot();
    expect(ideas).toHaveLength(MAX_IDEAS);
    expect(ideas[0]?.text).toBe('idea 1');
  });

  it('counts rounds: ideas starts the next, pair and share keep its number', () => {
    const board = new BoardStore();
    const now = new Date('2026-11-29T09:00:00.000Z');
    expect(board.startRound('ideas', 480, now)).toEqual({
      number: 1,
      phase: 'ideas',
      endsAt: '2026-11-29T09:08:00.000Z',
    });
    expect(board.startRound('pair', 240, now).number).toBe(1);
    expect(board.startRound('share', 300, now).number).toBe(1);
    expect(board.startRound('ideas', 480, now).number).toBe(2);
    expect(new BoardStore().startRound('pair', 240, now).number, 'pair before any round').toBe(1);
  });

  it('remembers the newest published id for the snapshot', () => {
    const board = new BoardStore();
    board.recordPublished('ep-3');
    expect(board.snapshot().lastEventId).toBe('ep-3');
  });
});
