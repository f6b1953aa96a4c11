import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrokerMessage, ChannelMessage } from '../protocol/messages';
import { readBoardEvent, readBrokerMessage } from './broker-message';

afterEach(() => {
  vi.restoreAllMocks();
});

function channelMessage(event: string, data: unknown): ChannelMessage {
  return { type: 'message', channel: 'ideas', id: '1700000000000-1', event, data };
}

describe('readBrokerMessage', () => {
  it.each<BrokerMessage>([
    channelMessage('idea.created', { id: 'i1' }),
    { type: 'subscribed', channel: 'ideas', presence: [] },
    { type: 'unsubscribed', channel: 'ideas' },
    {
      type: 'presence',
      channel: 'ideas',
      action: 'join',
      entry: { connectionId: 'c1', member: { id: 'm1', name: 'Ada' } },
    },
    { type: 'history-lost', channel: 'ideas' },
    { type: 'error', code: 'forbidden', message: 'Not allowed', channel: 'secret' },
  ])('reads a "$type" message', (message) => {
    expect(readBrokerMessage(JSON.stringify(message))).toEqual(message);
  });

  it.each([
    ['not JSON', 'hello'],
    ['JSON without a type', '{"channel":"ideas"}'],
    ['an unknown type', '{"type":"surprise"}'],
    ['null', 'null'],
  ])('skips %s with a warning instead of throwing', (_, text) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(readBrokerMessage(text)).toBeUndefined();
    expect(warn, 'the skipped message is reported').toHaveBeenCalledOnce();
  });
});

describe('readBoardEvent', () => {
  it('returns the event with its data, typed by name', () => {
    const idea = {
      id: 'i1',
      text: 'Hi',
      author: { id: 'm1', name: 'Ada' },
      createdAt: '2026-11-29T09:00:00Z',
    };

    const boardEvent = readBoardEvent(channelMessage('idea.created', idea));

    expect(boardEvent?.event).toBe('idea.created');
    expect(boardEvent?.data).toEqual(idea);
  });

  it.each([
    ['an unknown event', channelMessage('idea.deleted', { id: 'i1' })],
    ['data that is no object', channelMessage('alert', 'hello')],
  ])('skips %s with a warning', (_, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    expect(readBoardEvent(message)).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});
