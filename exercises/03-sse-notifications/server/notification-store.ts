import type { Notification } from '../protocol/messages';

/** The newest notifications, in order of creation; older ones drop out so memory stays bounded. */
export class NotificationStore {
  readonly #capacity: number;
  readonly #idPrefix: string;
  readonly #notifications = new Map<string, Notification>();
  #nextId = 1;

  constructor(capacity: number, idPrefix = '') {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`NotificationStore capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
    this.#idPrefix = idPrefix;
  }

  /** Stores a new notification with a fresh id and the current time. */
  add(content: Pick<Notification, 'title' | 'message' | 'type'>): Notification {
    const notification: Notification = {
      id: `${this.#idPrefix}${this.#nextId++}`,
      title: content.title,
      message: content.message,
      time: new Date().toISOString(),
    };
    if (content.type === 'progress') {
      notification.type = 'progress';
      notification.progress = 0;
    }
    this.#notifications.set(notification.id, notification);
    this.#dropOldest();
    return notification;
  }

  /** Sets the progress of a stored progress notification; `undefined` if it is gone. */
  setProgress(id: string, progress: number): Notification | undefined {
    const current = this.#notifications.get(id);
    if (!current) return undefined;
    const updated: Notification = { ...current, progress: Math.min(100, Math.max(0, progress)) };
    this.#notifications.set(id, updated);
    return updated;
  }

  /** All stored notifications, oldest first. */
  list(): Notification[] {
    return [...this.#notifications.values()];
  }

  #dropOldest(): void {
    while (this.#notifications.size > this.#capacity) {
      const oldestId = this.#notifications.keys().next().value;
      if (oldestId === undefined) return;
      this.#notifications.delete(oldestId);
    }
  }
}
