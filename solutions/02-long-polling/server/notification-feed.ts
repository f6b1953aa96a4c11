import { randomBytes } from 'node:crypto';
import type { Change, Notification } from '../protocol/messages';
import { ChangeLog } from './change-log';
import { NotificationStore } from './notification-store';

/** Hears about every change the moment it happens. */
export type ChangeListener = (change: Change) => void;

export interface NotificationFeedOptions {
  /** How many notifications the `initial` answer lists. */
  storeSize?: number;
  /** How many changes a client can catch up on with its cursor. */
  logSize?: number;
}

/** What a cursor looks like: the server run, a dash, and how many changes came before, e.g. `9f3a1c-42`. */
export const CURSOR_PATTERN = /^[0-9a-f]{6}-\d{1,15}$/;

/**
 * The app's notifications, the log of their changes, and everyone waiting for the next change. Every change
 * moves the cursor on; a client that sends its cursor gets exactly the changes after it.
 */
export class NotificationFeed {
  readonly #store: NotificationStore;
  readonly #log: ChangeLog;
  readonly #listeners = new Set<ChangeListener>();
  // Cursors start with a per-run prefix, so one from before a restart is never taken for a current one.
  readonly #runId = randomBytes(3).toString('hex');
  #changeCount = 0;

  constructor({ storeSize = 50, logSize = 500 }: NotificationFeedOptions = {}) {
    this.#store = new NotificationStore(storeSize);
    this.#log = new ChangeLog(logSize, this.cursor);
  }

  /** The cursor after the newest change; a client that has it is up to date. */
  get cursor(): string {
    return `${this.#runId}-${this.#changeCount}`;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  list(): Notification[] {
    return this.#store.list();
  }

  /** Stores a new notification and logs it as a `notification` change. */
  create(content: Pick<Notification, 'title' | 'message' | 'type'>): Notification {
    const notification = this.#store.add(content);
    this.#record({ event: 'notification', notification });
    return notification;
  }

  /** Changes the progress of a notification and logs it as a `notification-update` change. */
  setProgress(id: string, progress: number): Notification | undefined {
    const notification = this.#store.setProgress(id, progress);
    if (notification) this.#record({ event: 'notification-update', notification });
    return notification;
  }

  /** Changes after `cursor`, oldest first, or `undefined` when the log no longer reaches back that far. */
  changesAfter(cursor: string): Change[] | undefined {
    return this.#log.changesAfter(cursor);
  }

  /** Calls `listener` with every future change; returns the function that stops it. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #record(change: Change): void {
    this.#changeCount += 1;
    this.#log.add({ cursor: this.cursor, change });
    // A copy: a listener may unsubscribe while we are still calling the others.
    for (const listener of [...this.#listeners]) listener(change);
  }
}
