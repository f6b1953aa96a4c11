import { describe, expect, it } from 'vitest';
import type { BoardSnapshot, Idea, Member, PresenceEntry, Round } from '../protocol/messages';
import { BoardState } from './board-state';

const ADA: Member = { id: 'm1', name: 'Ada' };
const GRACE: Member = { id: 'm2', name: 'Grace' };
const ROUND: Round = { number: 1, phase: 'ideas', endsAt: '2026-11-29T09:08:00.000Z' };

function idea(id: string): Idea {
  return { id, text: `Idea ${id}`, author: ADA, createdAt: '2026-11-29T09:00:00.000Z' };
}

function entry(connectionId: string, member: Member): PresenceEntry {
  return { connectionId, member };
}

function snapshot(changes: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return {
    ideas: [idea('1'), idea('2')],
    round: ROUND,
    lastEventId: '1700000000000-2',
    serverTime: '2026-11-29T09:00:00.000Z',
    ...changes,
  };
}

describe('BoardState: ideas', () => {
  it('holds the snapshot ideas, oldest first', () => {
    const board = new BoardState();
    board.loadSnapshot(snapshot());

    expect(board.ideas.map((each) => each.id)).toEqual(['1', '2']);
  });

  it('adds a new idea and refuses one it already has (snapshot + message), so none shows twice', () => {
    const board = new BoardState();
    board.loadSnapshot(snapshot());

    expect(board.addIdea(idea('2')), 'already in the snapshot').toBe(false);
    expect(board.addIdea(idea('3')), 'new').toBe(true);
    expect(board.ideas.map((each) => each.id)).toEqual(['1', '2', '3']);
  });

  it('starts over with a new snapshot (after history-lost)', () => {
    const board = new BoardState();
    board.addIdea(idea('old'));

    board.loadSnapshot(snapshot({ ideas: [idea('9')] }));

    expect(board.ideas.map((each) => each.id)).toEqual(['9']);
  });
});

describe('BoardState: presence', () => {
  it('shows a member with two tabs once, and drops them when their last tab leaves', () => {
    const board = new BoardState();
    board.setPresence([entry('c1', ADA), entry('c2', GRACE), entry('c3', ADA)]);
    expect(board.members, 'Ada once, although she has two tabs').toEqual([ADA, GRACE]);

    board.leavePresence(entry('c1', ADA));
    expect(board.members, 'Ada still has a tab open').toHaveLength(2);
    expect(board.members).toEqual(expect.arrayContaining([ADA, GRACE]));

    board.leavePresence(entry('c3', ADA));
    expect(board.members, 'her last tab is gone').toEqual([GRACE]);
  });

  it('adds members as they join and replaces everything with the next subscribed list', () => {
    const board = new BoardState();
    board.joinPresence(entry('c1', ADA));
    board.joinPresence(entry('c2', GRACE));
    expect(board.members).toEqual([ADA, GRACE]);

    board.setPresence([entry('c9', GRACE)]);
    expect(board.members).toEqual([GRACE]);
  });

  it('ignores a leave for a connection it never saw', () => {
    const board = new BoardState();
    board.joinPresence(entry('c1', ADA));

    board.leavePresence(entry('unknown', ADA));

    expect(board.members).toEqual([ADA]);
  });
});

describe('BoardState: round and clock', () => {
  it('takes the round from the snapshot and from round.started', () => {
    const board = new BoardState();
    expect(board.round, 'no round before the snapshot').toBeNull();

    board.loadSnapshot(snapshot());
    expect(board.round).toEqual(ROUND);

    const pair: Round = { number: 2, phase: 'pair', endsAt: '2026-11-29T09:12:00.000Z' };
    board.round = pair;
    expect(board.round).toEqual(pair);
  });

  it("measures the server's clock against this computer's: positive when the server is ahead", () => {
    const board = new BoardState();
    const receivedAt = Date.parse('2026-11-29T08:59:30.000Z');

    board.loadSnapshot(snapshot({ serverTime: '2026-11-29T09:00:00.000Z' }), receivedAt);

    expect(board.clockOffsetMs).toBe(30_000);
  });

  it('assumes equal clocks when the server time is unreadable', () => {
    const board = new BoardState();

    board.loadSnapshot(snapshot({ serverTime: 'soon' }));

    expect(board.clockOffsetMs).toBe(0);
  });
});
