import { describe, expect, it } from 'vitest';
import { NotificationFeed } from './notification-feed';

const content = { title: 'Hello', message: 'World' };

describe('NotificationFeed', () => {
  it('lists notifications oldest first', () => {
    const feed = new NotificationFeed();
    const first = feed.create({ title: 'a', message: 'a' });
    const second = feed.create({ title: 'b', message: 'b' });
    expect(feed.list()).toEqual([first, second]);
  });

  it('lists only the newest ones with a limit', () => {
    const feed = new NotificationFeed();
    for (const title of ['a', 'b', 'c']) feed.create({ title, message: title });
    expect(feed.list(2).map((notification) => notification.title)).toEqual(['b', 'c']);
    expect(feed.list(10)).toHaveLength(3);
  });

  it('changes its version with every new notification and every progress step', () => {
    const feed = new NotificationFeed();
    const start = feed.version;
    const task = feed.create({ ...content, type: 'progress' });
    const afterCreate = feed.version;
    feed.setProgress(task.id, 40);
    expect(new Set([start, afterCreate, feed.version]).size).toBe(3);
  });

  it('keeps its version while nothing changes', () => {
    const feed = new NotificationFeed();
    feed.create(content);
    const version = feed.version;
    feed.list();
    feed.setProgress('no-such-id', 10);
    expect(feed.version).toBe(version);
  });

  it('gives ids and versions that another server run never repeats', () => {
    const first = new NotificationFeed();
    const second = new NotificationFeed();
    expect(first.create(content).id).not.toBe(second.create(content).id);
    expect(first.version).not.toBe(second.version);
  });

  it('sets progress clamped to 0–100', () => {
    const feed = new NotificationFeed();
    const task = feed.create({ ...content, type: 'progress' });
    expect(feed.setProgress(task.id, 140)?.progress).toBe(100);
    expect(feed.list()[0]?.progress).toBe(100);
  });

  it('keeps 200 notifications by default, so that a burst of 100 between two polls is not lost', () => {
    const feed = new NotificationFeed();
    for (let index = 0; index < 250; index += 1) feed.create({ title: `n${index}`, message: 'x' });
    const titles = feed.list().map((notification) => notification.title);
    expect(titles).toHaveLength(200);
    expect(titles[0]).toBe('n50');
    expect(feed.createdCount).toBe(250);
  });
});
