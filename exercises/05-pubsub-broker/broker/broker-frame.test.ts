import { describe, expect, it, vi } from 'vitest';
import type { BrokerMessage, ChannelMessage } from '../protocol/messages';
import { encodeBrokerMessage, encodeBrokerMessageBytes, encodeBrokerSseEvent } from './broker-frame';

const message: ChannelMessage = {
  type: 'message',
  channel: 'ideas',
  id: 'ep-7',
  event: 'idea.created',
  data: { text: 'a\nb' },
};

describe('broker frames', () => {
  it('sends a message as one JSON text on a WebSocket', () => {
    expect(JSON.parse(encodeBrokerMessage(message))).toEqual(message);
  });

  it('sends a message as an SSE event with its id, and other messages without one', () => {
    expect(encodeBrokerSseEvent(message)).toBe(
      `id: ep-7\nevent: message\ndata: ${JSON.stringify(message)}\n\n`,
    );
    const presence = encodeBrokerSseEvent({ type: 'history-lost', channel: 'ideas' });
    expect(presence).toBe('event: history-lost\ndata: {"type":"history-lost","channel":"ideas"}\n\n');
  });

  it('encodes a published message once, however many subscribers get it', () => {
    const fresh: ChannelMessage = { ...message, id: 'ep-8' };
    const stringify = vi.spyOn(JSON, 'stringify');
    for (let subscriber = 0; subscriber < 3; subscriber += 1) {
      encodeBrokerMessage(fresh);
      encodeBrokerSseEvent(fresh);
    }
    expect(stringify).toHaveBeenCalledTimes(1);
    stringify.mockRestore();
  });

  it('hands every subscriber the very same bytes of a message or a presence change', () => {
    const presence: BrokerMessage = {
      type: 'presence',
      channel: 'ideas',
      action: 'join',
      entry: { connectionId: 'c1', member: { id: 'm1', name: 'Ada' } },
    };
    for (const shared of [{ ...message, id: 'ep-9' }, presence]) {
      const bytes = encodeBrokerMessageBytes(shared);
      expect(encodeBrokerMessageBytes(shared)).toBe(bytes);
      expect(bytes.toString('utf8')).toBe(encodeBrokerMessage(shared));
    }
    expect(encodeBrokerSseEvent(presence)).toBe(`event: presence\ndata: ${JSON.stringify(presence)}\n\n`);
  });

  it('encodes a message for one subscriber afresh each time', () => {
    const error: BrokerMessage = { type: 'error', code: 'bad-command', message: 'No.' };
    expect(encodeBrokerMessageBytes(error)).not.toBe(encodeBrokerMessageBytes(error));
  });
});
