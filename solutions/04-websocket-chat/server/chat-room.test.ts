import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../protocol/messages';
import { ChatRoom } from './chat-room';

const input = { username: 'Ada', message: 'Hi' };

describe('ChatRoom', () => {
  it('stores a message with a fresh id and the server time', () => {
    const room = new ChatRoom();
    const before = Date.now();
    const message = room.post(input);
    expect(message).toMatchObject(input);
    expect(message.id).toBe(room.lastId);
    expect(Date.parse(message.timestamp)).toBeGreaterThanOrEqual(before);
    expect(message.timestamp).toBe(new Date(message.timestamp).toISOString());
    expect(room.list()).toEqual([message]);
  });

  it('gives every message its own id, also across rooms (server restarts)', () => {
    const first = new ChatRoom();
    const second = new ChatRoom();
    const ids = [first.post(input).id, first.post(input).id, second.post(input).id];
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps only the newest messages, oldest first', () => {
    const room = new ChatRoom({ capacity: 2 });
    const posted = ['one', 'two', 'three'].map((message) => room.post({ username: 'Ada', message }));
    expect(room.list()).toEqual(posted.slice(1));
  });

  it('hands every new message to every listener until it unsubscribes', () => {
    const room = new ChatRoom();
    const received: ChatMessage[] = [];
    const unsubscribe = room.subscribe((message) => received.push(message));
    const message = room.post(input);
    unsubscribe();
    room.post(input);
    expect(received).toEqual([message]);
    expect(room.listenerCount).toBe(0);
  });

  it('lists exactly the messages after an id', () => {
    const room = new ChatRoom();
    const seen = room.post(input);
    const missed = [room.post(input), room.post(input)];
    expect(room.messagesAfter(seen.id)).toEqual(missed);
    expect(room.messagesAfter(room.lastId)).toEqual([]);
  });

  it('lists everything after the id it had before its first message', () => {
    const room = new ChatRoom();
    const emptyId = room.lastId;
    const message = room.post(input);
    expect(room.messagesAfter(emptyId)).toEqual([message]);
  });

  it('says when it no longer reaches back to an id', () => {
    const room = new ChatRoom({ capacity: 2 });
    const dropped = room.post(input);
    room.post(input);
    room.post(input);
    room.post(input);
    expect(room.messagesAfter(dropped.id)).toBeUndefined();
    expect(room.messagesAfter('from-another-run-3')).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new ChatRoom({ capacity: 0 })).toThrow(TypeError);
  });
});
