import { randomBytes } from 'node:crypto';
import type { Notification } from '../protocol/messages';
import { NotificationStore } from './notification-store';

export interface NotificationFeedOptions {
  /** How many notifications a poll lists at most; more created between two polls are lost for that page. */
  storeSize?: number;
}

/**
 * The app's notifications, and a version that changes with every change to them. Nobody is told about a
 * change: pages poll `list()`, and the version (as ETag) lets the server answer "nothing new" cheaply.
 */
export class NotificationFeed {
  readonly #store: NotificationStore;
  // Ids and versions carry a per-run prefix, so after a restart a page's old ids and ETag match nothing.
  readonly #runId = randomBytes(3).toString('hex');
  #changeCount = 0;
  #createdCount = 0;

  constructor({ storeSize = 200 }: NotificationFeedOptions = {}) {
    this.#store = new NotificationStore(storeSize, `${this.#runId}-`);
  }

  /** Changes with every new notification and every progress step; equal versions mean an equal list. */
  get version(): string {
    return `${this.#runId}-${this.#changeCount}`;
  }

  /** How many notifications were created since the server started. */
  get createdCount(): number {
    return this.#createdCount;
  }

  /** Stored notifications, oldest first; with `limit`, only the newest `limit` of them. */
  list(limit?: number): Notification[] {
    const all = this.#store.list();
    if (limit === undefined) return all;
    return all.slice(Math.max(0, all.length - limit));
  }

  /** Stores a new notification; the next poll of every page will find it. */
  create(content: Pick<Notification, 'title' | 'message' | 'type'>): Notification {
    const notification = this.#store.add(content);
    this.#createdCount += 1;
    this.#changeCount += 1;
    return notification;
  }

  /** Changes the progress of a stored notification; `undefined` if it is gone. */
  setProgress(id: string, progress: number): Notification | undefined {
    const notification = this.#store.setProgress(id, progress);
    if (notification) this.#changeCount += 1;
    return notification;
  }
}
