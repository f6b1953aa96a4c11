/** One notification of the arena's feed; `publishedAt` (server clock, ms) lets each client measure its delay. */
export interface ArenaNotification {
  id: number;
  title: string;
  publishedAt: number;
}

type FeedListener = (notification: ArenaNotification) => void;

/** How many notifications the feed keeps for clients that ask what they missed. */
const KEPT = 100;

/** The one feed every technique delivers: a notification every `rateMs`, the same moment for all five. */
export class NotificationFeed {
  readonly #kept: ArenaNotification[] = [];
  readonly #listeners = new Set<FeedListener>();
  #nextId = 1;
  #timer: NodeJS.Timeout | undefined;
  #rateMs: number;

  constructor(rateMs: number) {
    this.#rateMs = rateMs;
  }

  get rateMs(): number {
    return this.#rateMs;
  }

  get lastId(): number {
    return this.#nextId - 1;
  }

  /** Publishes every `rateMs` until stop(); a new rate takes effect at once. */
  start(rateMs = this.#rateMs): void {
    this.#rateMs = rateMs;
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.publish(), this.#rateMs);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  publish(): ArenaNotification {
    const notification = { id: this.#nextId, title: `Notification ${this.#nextId}`, publishedAt: Date.now() };
    this.#nextId += 1;
    this.#kept.push(notification);
    if (this.#kept.length > KEPT) this.#kept.shift();
    for (const listener of this.#listeners) listener(notification);
    return notification;
  }

  /** Everything after `id` that is still kept, oldest first. */
  after(id: number): ArenaNotification[] {
    return this.#kept.filter((notification) => notification.id > id);
  }

  subscribe(listener: FeedListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
