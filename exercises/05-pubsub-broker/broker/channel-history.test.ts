import { describe, expect, it } from 'vitest';
import type { ChannelMessage } from '../protocol/messages';
import { ChannelHistory } from './channel-history';

const message = (sequence: number): ChannelMessage => ({
  type: 'message',
  channel: 'ideas',
  id: `ep-${sequence}`,
  event: 'idea.created',
  data: sequence,
});

describe('ChannelHistory', () => {
  it('returns what came after an id, oldest first', () => {
    const history = new ChannelHistory(10);
    for (const sequence of [2, 5, 9]) history.add(message(sequence));
    expect(history.after('ep', 'ep-2', 9)).toEqual({ lost: false, messages: [message(5), message(9)] });
    expect(history.after('ep', 'ep-3', 9)).toEqual({ lost: false, messages: [message(5), message(9)] });
    expect(history.after('ep', 'ep-9', 9)).toEqual({ lost: false, messages: [] });
  });

  it('says lost when what came after the id was dropped', () => {
    const history = new ChannelHistory(2);
    for (const sequence of [1, 2, 3, 4]) history.add(message(sequence));
    expect(history.after('ep', 'ep-1', 4), 'missed 2, which is gone').toEqual({ lost: true });
    expect(history.after('ep', 'ep-2', 4), 'saw the newest dropped one').toEqual({
      lost: false,
      messages: [message(3), message(4)],
    });
  });

  it('says lost for an id beyond the newest the broker gave out, which would hide every later message', () => {
    const history = new ChannelHistory(10);
    history.add(message(1));
    expect(history.after('ep', 'ep-2', 1)).toEqual({ lost: true });
    expect(history.after('ep', 'ep-999999', 1)).toEqual({ lost: true });
    // Sequences count across channels: a newer id from another channel is still one we gave out.
    expect(history.after('ep', 'ep-7', 7)).toEqual({ lost: false, messages: [] });
  });

  it('says lost for ids from another epoch (before a restart) and for garbage', () => {
    const history = new ChannelHistory(2);
    history.add(message(1));
    expect(history.after('ep', 'old-1', 1)).toEqual({ lost: true });
    expect(history.after('ep', 'nonsense', 1)).toEqual({ lost: true });
  });
});
