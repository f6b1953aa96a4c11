import { describe, expect, it } from 'vitest';
import type { Change } from '../protocol/messages';
import { CURSOR_PATTERN, NotificationFeed } from './notification-feed';

const content = { title: 'Hello', message: 'World' };

describe('NotificationFeed', () => {
  it('tells every listener about a new notification', () => {
    const feed = new NotificationFeed();
    const received: Change[][] = [[], []];
    feed.subscribe((change) => received[0]?.push(change));
    feed.subscribe((change) => received[1]?.push(change));

    const notification = feed.create(content);

    expect(received[0]).toEqual([{ event: 'notification', notification }]);
    expect(received[1]).toEqual(received[0]);
  });

  it('stops calling a listener after it unsubscribed', () => {
    const feed = new NotificationFeed();
    const changes: Change[] = [];
    const unsubscribe = feed.subscribe((change) => changes.push(change));
    unsubscribe();
    feed.create(content);
    expect(changes).toEqual([]);
    expect(feed.listenerCount).toBe(0);
  });

  it('moves the cursor on with every change, in the documented shape', () => {
    const feed = new NotificationFeed();
    const before = feed.cursor;
    feed.create(content);
    expect(feed.cursor).not.toBe(before);
    expect(before).toMatch(CURSOR_PATTERN);
    expect(feed.cursor).toMatch(CURSOR_PATTERN);
  });

  it('returns exactly the changes after a cursor, in order', () => {
    const feed = new NotificationFeed();
    feed.create(content);
    const seen = feed.cursor;
    const missed = [feed.create(content), feed.create(content)];
    expect(feed.changesAfter(seen)).toEqual(
      missed.map((notification) => ({ event: 'notification', notification })),
    );
    expect(feed.changesAfter(feed.cursor)).toEqual([]);
  });

  it('cannot continue from a cursor of another server run', () => {
    const feed = new NotificationFeed();
    feed.create(content);
    expect(feed.changesAfter('ffffff-1')).toBeUndefined();
  });

  it('logs progress as notification-update, clamped to 0–100', () => {
    const feed = new NotificationFeed();
    const task = feed.create({ ...content, type: 'progress' });
    const seen = feed.cursor;
    const updated = feed.setProgress(task.id, 140);
    expect(updated?.progress).toBe(100);
    expect(feed.changesAfter(seen)).toEqual([{ event: 'notification-update', notification: updated }]);
    expect(feed.setProgress('no-such-id', 10)).toBeUndefined();
  });

  it('lets a listener unsubscribe while the others are being called', () => {
    const feed = new NotificationFeed();
    const calls: string[] = [];
    const unsubscribeFirst = feed.subscribe(() => {
      calls.push('first');
      unsubscribeFirst();
    });
    feed.subscribe(() => calls.push('second'));
    feed.create(content);
    feed.create(content);
    expect(calls).toEqual(['first', 'second', 'second']);
  });

  it('forgets the oldest notifications beyond its store size', () => {
    const feed = new NotificationFeed({ storeSize: 2 });
    feed.create({ title: 'a', message: 'a' });
    feed.create({ title: 'b', message: 'b' });
    feed.create({ title: 'c', message: 'c' });
    expect(feed.list().map((notification) => notification.title)).toEqual(['b', 'c']);
  });
});
