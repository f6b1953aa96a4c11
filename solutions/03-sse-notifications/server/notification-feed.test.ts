import { describe, expect, it, vi } from 'vitest';
import { NotificationFeed } from './notification-feed';

const content = { title: 'Hello', message: 'World' };

describe('NotificationFeed', () => {
  it('encodes a broadcast once and hands the same frame to every listener', () => {
    const feed = new NotificationFeed();
    const received: string[][] = [[], []];
    feed.subscribe((frame) => received[0]?.push(frame));
    feed.subscribe((frame) => received[1]?.push(frame));
    feed.subscribe(() => {});
    // Equal strings would pass the checks below even if each listener got its own copy; count the work.
    const stringify = vi.spyOn(JSON, 'stringify');

    const notification = feed.create(content);

    expect(stringify, 'one JSON.stringify per broadcast, however many listeners').toHaveBeenCalledTimes(1);
    stringify.mockRestore();
    expect(received[0]).toHaveLength(1);
    expect(received[0]?.[0]).toBe(received[1]?.[0]);
    expect(received[0]?.[0]).toContain('event: notification\n');
    expect(received[0]?.[0]).toContain(`data: ${JSON.stringify(notification)}\n`);
    expect(received[0]?.[0]).toContain(`id: ${feed.lastEventId}\n`);
  });

  it('gives notifications ids that a restarted server never gives again', () => {
    const before = new NotificationFeed().create(content);
    const afterRestart = new NotificationFeed().create(content);
    expect(afterRestart.id).not.toBe(before.id);
  });

  it('stops calling a listener after it unsubscribed', () => {
    const feed = new NotificationFeed();
    const frames: string[] = [];
    const unsubscribe = feed.subscribe((frame) => frames.push(frame));
    unsubscribe();
    feed.create(content);
    expect(frames).toEqual([]);
    expect(feed.listenerCount).toBe(0);
  });

  it('lists every stored notification in the initial frame, tagged with the newest id', () => {
    const feed = new NotificationFeed();
    feed.create(content);
    const frame = feed.initialFrame();
    expect(frame).toContain('event: initial\n');
    expect(frame).toContain(`id: ${feed.lastEventId}\n`);
    expect(frame).toContain(JSON.stringify(feed.list()));
  });

  it('replays exactly the frames a client missed', () => {
    const feed = new NotificationFeed();
    feed.create(content);
    const seenId = feed.lastEventId;
    const missed = [feed.create(content), feed.create(content)];
    const frames = feed.framesAfter(seenId);
    expect(frames).toHaveLength(2);
    expect(frames?.[0]).toContain(`"id":"${missed[0]?.id}"`);
    expect(frames?.[1]).toContain(`"id":"${missed[1]?.id}"`);
  });

  it('cannot replay for an id from another server run', () => {
    const feed = new NotificationFeed();
    feed.create(content);
    expect(feed.framesAfter('ffffff-1')).toBeUndefined();
  });

  it('broadcasts progress as notification-update, clamped to 0–100', () => {
    const feed = new NotificationFeed();
    const frames: string[] = [];
    const task = feed.create({ ...content, type: 'progress' });
    feed.subscribe((frame) => frames.push(frame));
    const updated = feed.setProgress(task.id, 140);
    expect(updated?.progress).toBe(100);
    expect(frames[0]).toContain('event: notification-update\n');
    expect(feed.setProgress('no-such-id', 10)).toBeUndefined();
  });

  it('forgets the oldest notifications beyond its store size', () => {
    const feed = new NotificationFeed({ storeSize: 2 });
    feed.create({ title: 'a', message: 'a' });
    feed.create({ title: 'b', message: 'b' });
    feed.create({ title: 'c', message: 'c' });
    expect(feed.list().map((notification) => notification.title)).toEqual(['b', 'c']);
  });
});
