import { describe, expect, it } from 'vitest';
import { NotificationFeed } from './notification-feed';

describe('NotificationFeed', () => {
  it('numbers notifications, tells listeners, and keeps the newest 100 for those who missed some', () => {
    const feed = new NotificationFeed(1000);
    const heard: number[] = [];
    const stop = feed.subscribe((notification) => heard.push(notification.id));
    for (let index = 0; index < 120; index += 1) feed.publish();
    stop();
    feed.publish();
    expect(heard).toHaveLength(120);
    expect(feed.lastId).toBe(121);
    expect(feed.after(118).map((notification) => notification.id)).toEqual([119, 120, 121]);
    expect(feed.after(0)).toHaveLength(100);
    expect(feed.after(0)[0]?.id).toBe(22);
  });
});
