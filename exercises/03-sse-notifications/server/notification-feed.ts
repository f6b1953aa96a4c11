import { randomBytes } from 'node:crypto';
import type { Notification, ServerEventName, ServerEvents } from '../protocol/messages';
import { EventHistory } from './event-history';
import { NotificationStore } from './notification-store';
import { formatSseEvent } from './sse-frame';

/** Receives every broadcast event, already encoded for the wire. */
export type FrameListener = (frame: string) => void;

export interface NotificationFeedOptions {
  /** How many notifications the `initial` event lists. */
  storeSize?: number;
  /** How many sent events a reconnecting client can catch up on. */
  historySize?: number;
}

/**
 * The app's notifications and everyone listening to them. Each change is encoded once and the same
 * frame goes to every listener, so a broadcast costs one JSON.stringify however many clients there are.
 */
export class NotificationFeed {
  readonly #store: NotificationStore;
  readonly #history: EventHistory;
  readonly #listeners = new Set<FrameListener>();
  // Event and notification ids carry a per-run prefix, so an id from before a server restart is never
  // mistaken for a current one (a page that flashed notification "1" would not flash the new "1").
  readonly #runId = randomBytes(3).toString('hex');
  #eventCount = 0;

  constructor({ storeSize = 50, historySize = 500 }: NotificationFeedOptions = {}) {
    this.#store = new NotificationStore(storeSize, `${this.#runId}-`);
    this.#history = new EventHistory(historySize, this.lastEventId);
  }

  /** The id of the newest event; a client that has it is up to date. */
  get lastEventId(): string {
    return `${this.#runId}-${this.#eventCount}`;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  list(): Notification[] {
    return this.#store.list();
  }

  /** Stores a new notification and broadcasts it as a `notification` event. */
  create(content: Pick<Notification, 'title' | 'message' | 'type'>): Notification {
    const notification = this.#store.add(content);
    this.#broadcast('notification', notification);
    return notification;
  }

  /** Changes the progress of a notification and broadcasts it as a `notification-update` event. */
  setProgress(id: string, progress: number): Notification | undefined {
    const notification = this.#store.setProgress(id, progress);
    if (notification) this.#broadcast('notification-update', notification);
    return notification;
  }

  /** The `initial` event for a new connection: every stored notification, tagged with the newest id. */
  initialFrame(): string {
    return encode('initial', this.list(), this.lastEventId);
  }

  /** Frames sent after `lastEventId`, or `undefined` when the history no longer reaches back. */
  framesAfter(lastEventId: string): string[] | undefined {
    return this.#history.eventsAfter(lastEventId)?.map((event) => event.frame);
  }

  /** Calls `listener` with every future frame; returns the function that stops it. */
  subscribe(listener: FrameListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #broadcast<Name extends ServerEventName>(event: Name, data: ServerEvents[Name]): void {
    this.#eventCount += 1;
    const id = this.lastEventId;
    const frame = encode(event, data, id);
    this.#history.add({ id, frame });
    for (const listener of this.#listeners) listener(frame);
  }
}

function encode<Name extends ServerEventName>(event: Name, data: ServerEvents[Name], id: string): string {
  return formatSseEvent({ event, id, data: JSON.stringify(data) });
}
