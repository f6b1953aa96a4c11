/** One event exactly as it went over the wire, kept so that a reconnecting client can catch up. */
export interface SentEvent {
  id: string;
  frame: string;
}

/**
 * The last `capacity` events, oldest first. A client that reconnects with `Last-Event-ID` gets what it
 * missed from here; if its id has already dropped out, it needs a fresh start instead.
 */
export class EventHistory {
  readonly #capacity: number;
  readonly #events: SentEvent[] = [];
  /** The id just before the oldest kept event: a client that saw it has missed nothing we dropped. */
  #reachesBackTo: string;

  constructor(capacity: number, startId: string) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`EventHistory capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
    this.#reachesBackTo = startId;
  }

  add(event: SentEvent): void {
    this.#events.push(event);
    if (this.#events.length <= this.#capacity) return;
    const dropped = this.#events.shift();
    if (dropped) this.#reachesBackTo = dropped.id;
  }

  /** Events after `lastEventId`, or `undefined` when the history no longer reaches back that far. */
  eventsAfter(lastEventId: string): SentEvent[] | undefined {
    if (lastEventId === this.#reachesBackTo) return [...this.#events];
    const index = this.#events.findIndex((event) => event.id === lastEventId);
    if (index === -1) return undefined;
    return this.#events.slice(index + 1);
  }
}
