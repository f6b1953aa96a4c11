import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../protocol/messages';
import { ChatRoom } from './chat-room';

const input = { username: 'Ada', message: 'Hi' };

/** Posts as Ada; a refusal fails the test right here. */
function post(room: ChatRoom, message = input.message): ChatMessage {
  const result = room.post({ ...input, message });
  if (!result.ok) throw new Error(`The room refused the post: ${result.error}`);
  return result.message;
}

describe('ChatRoom', () => {
  it('stores a message with a fresh id and the server time', () => {
    const room = new ChatRoom();
    const before = Date.now();
    const message = post(room);
    expect(message).toMatchObject(input);
    expect(message.id).toBe(room.lastId);
    expect(Date.parse(message.timestamp)).toBeGreaterThanOrEqual(before);
    expect(message.timestamp).toBe(new Date(message.timestamp).toISOString());
    expect(room.list()).toEqual([message]);
  });

  it('gives every message its own id, also across rooms (server restarts)', () => {
    const first = new ChatRoom();
    const second = new ChatRoom();
    const ids = [post(first).id, post(first).id, post(second).id];
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps only the newest messages, oldest first', () => {
    const room = new ChatRoom({ capacity: 2 });
    const posted = ['one', 'two', 'three'].map((message) => post(room, message));
    expect(room.list()).toEqual(posted.slice(1));
  });

  it('hands every new message to every listener until it unsubscribes', () => {
    const room = new ChatRoom();
    const received: ChatMessage[] = [];
    const unsubscribe = room.subscribe((message) => received.push(message));
    const message = post(room);
    unsubscribe();
    post(room);
    expect(received).toEqual([message]);
    expect(room.listenerCount).toBe(0);
  });

  it('lists exactly the messages after an id', () => {
    const room = new ChatRoom();
    const seen = post(room);
    const missed = [post(room), post(room)];
    expect(room.messagesAfter(seen.id)).toEqual(missed);
    expect(room.messagesAfter(room.lastId)).toEqual([]);
  });

  it('lists everything after the id it had before its first message', () => {
    const room = new ChatRoom();
    const emptyId = room.lastId;
    const message = post(room);
    expect(room.messagesAfter(emptyId)).toEqual([message]);
  });

  it('says when it no longer reaches back to an id', () => {
    const room = new ChatRoom({ capacity: 2 });
    const dropped = post(room);
    post(room);
    post(room);
    post(room);
    expect(room.messagesAfter(dropped.id)).toBeUndefined();
    expect(room.messagesAfter('from-another-run-3')).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new ChatRoom({ capacity: 0 })).toThrow(TypeError);
  });

  it('takes a message out with a notice that names it, and clears the room with one', () => {
    const room = new ChatRoom();
    const received: ChatMessage[] = [];
    room.subscribe((message) => received.push(message));
    const [first, second] = [post(room, 'one'), post(room, 'two')];
    const removal = room.remove(first.id);
    expect(removal).toMatchObject({ username: 'Instructor', removes: [first.id] });
    expect(room.list()).toEqual([second, removal]);
    expect(room.remove('no-such-id'), 'an unknown id is no change').toBeUndefined();
    const cleared = room.clear();
    expect(cleared).toMatchObject({ username: 'Instructor', removes: [second.id, removal?.id] });
    expect(room.list()).toEqual([cleared]);
    expect(received, 'the pages did not get the notices').toEqual([first, second, removal, cleared]);
  });

  it("refuses what the instructor's rules refuse, and stores nothing then", () => {
    const room = new ChatRoom();
    room.moderation.mute('ada');
    expect(room.post(input)).toEqual({
      ok: false,
      reason: 'muted',
      error: 'The instructor has muted the name "Ada".',
    });
    expect(room.post({ username: 'instructor ', message: 'Hi' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/kept for the instructor/),
    });
    expect(room.list()).toEqual([]);
    room.moderation.unmute('ADA');
    expect(room.post(input).ok).toBe(true);
    expect(room.announce('Break until 10:15')).toMatchObject({ username: 'Instructor' });
  });
});
