import type { Notification } from '../protocol/messages';
import type { NotificationFeed } from './notification-feed';

export interface ProgressSimulatorOptions {
  /** Time between two progress updates (milliseconds). */
  stepMs?: number;
}

/** Moves progress notifications to 100 % in random steps, like an upload that reports its progress. */
export class ProgressSimulator {
  readonly #feed: NotificationFeed;
  readonly #stepMs: number;
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(feed: NotificationFeed, { stepMs = 700 }: ProgressSimulatorOptions = {}) {
    this.#feed = feed;
    this.#stepMs = stepMs;
  }

  /** Number of tasks still running; 0 once every task reached 100 % or `stop()` was called. */
  get runningCount(): number {
    return this.#timers.size;
  }

  start(notification: Notification): void {
    this.#scheduleStep(notification.id, notification.progress ?? 0);
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #scheduleStep(id: string, progress: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      const next = Math.min(100, progress + randomStep());
      const updated = this.#feed.setProgress(id, next);
      if (updated && next < 100) this.#scheduleStep(id, next);
    }, this.#stepMs);
    this.#timers.add(timer);
  }
}

function randomStep(): number {
  return 10 + Math.floor(Math.random() * 16);
}
