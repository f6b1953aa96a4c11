import type { NotificationFeed } from './notification-feed';
import type { ProgressSimulator } from './progress-simulator';
import { SAMPLE_NOTIFICATIONS, SAMPLE_PROGRESS_TASKS } from './sample-notifications';

export interface NotificationGeneratorOptions {
  /** Shortest wait between two notifications (milliseconds). */
  minDelayMs?: number;
  /** Longest wait between two notifications (milliseconds). */
  maxDelayMs?: number;
  /** The second notification and every n-th after it are progress tasks, so one shows up early in a demo. */
  progressEvery?: number;
}

/** Creates a notification at a random interval, as the exercise asks, so there is always something to see. */
export class NotificationGenerator {
  readonly #feed: NotificationFeed;
  readonly #progress: ProgressSimulator;
  readonly #options: Required<NotificationGeneratorOptions>;
  #timer: NodeJS.Timeout | undefined;
  #count = 0;

  constructor(
    feed: NotificationFeed,
    progress: ProgressSimulator,
    options: NotificationGeneratorOptions = {},
  ) {
    this.#feed = feed;
    this.#progress = progress;
    this.#options = { minDelayMs: 1000, maxDelayMs: 3000, progressEvery: 4, ...options };
    if (this.#options.minDelayMs > this.#options.maxDelayMs) {
      throw new TypeError('NotificationGenerator: minDelayMs must not be larger than maxDelayMs');
    }
  }

  start(): void {
    if (this.#timer) return;
    this.#scheduleNext();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #scheduleNext(): void {
    const { minDelayMs, maxDelayMs } = this.#options;
    const delay = minDelayMs + Math.random() * (maxDelayMs - minDelayMs);
    this.#timer = setTimeout(() => {
      this.#createOne();
      this.#scheduleNext();
    }, delay);
  }

  #createOne(): void {
    this.#count += 1;
    if (this.#count % this.#options.progressEvery === 2 % this.#options.progressEvery) {
      this.#progress.start(this.#feed.create(pickRandom(SAMPLE_PROGRESS_TASKS)));
      return;
    }
    this.#feed.create(pickRandom(SAMPLE_NOTIFICATIONS));
  }
}

function pickRandom<Item>(items: readonly Item[]): Item {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('pickRandom needs at least one item');
  return item;
}
