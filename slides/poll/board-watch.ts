// The idea board on the pub/sub talk's workshop slide: where phones open it, and how many ideas it has. The
// poll server asks the board's app (`/05/stats` on the class server) every few seconds and tells the slides only
// when a number changes: short polling (exercise 01) by one server, instead of every open deck.
import type { BoardView } from './poll-events';

export interface BoardWatchOptions {
  /** Where phones open the board, e.g. `http://192.168.1.20:8000/05/`. */
  pageUrl: string;
  /** The board app's counts, e.g. `http://localhost:8000/05/stats`: `{"sessions": 30, "ideas": 12}`. */
  statsUrl: string;
  /** Milliseconds between two questions (default 2000); also the bound of each. */
  everyMs?: number;
}

type BoardListener = (view: BoardView) => void;

export class BoardWatch {
  readonly #statsUrl: string;
  readonly #everyMs: number;
  readonly #listeners = new Set<BoardListener>();
  #view: BoardView;
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor({ pageUrl, statsUrl, everyMs = 2_000 }: BoardWatchOptions) {
    this.#statsUrl = statsUrl;
    this.#everyMs = everyMs;
    this.#view = { pageUrl, ideas: null, joined: null };
  }

  get view(): BoardView {
    return { ...this.#view };
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: BoardListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Asks now, then every `everyMs` until stop(). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#check();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  async #check(): Promise<void> {
    const counts = await readCounts(this.#statsUrl, this.#everyMs);
    if (!this.#running) return;
    const changed = counts.ideas !== this.#view.ideas || counts.joined !== this.#view.joined;
    if (changed) {
      this.#view = { ...this.#view, ...counts };
      for (const listener of this.#listeners) listener(this.view);
    }
    this.#timer = setTimeout(() => void this.#check(), this.#everyMs);
    // A poll server that is asked to stop must not wait for the next question.
    this.#timer.unref();
  }
}

/** The board's counts, or nulls when it does not answer with them in time (not started, or another server). */
async function readCounts(statsUrl: string, boundMs: number): Promise<Pick<BoardView, 'ideas' | 'joined'>> {
  const unknown = { ideas: null, joined: null };
  try {
    const response = await fetch(statsUrl, { signal: AbortSignal.timeout(boundMs) });
    if (!response.ok) return unknown;
    const stats = (await response.json()) as { ideas?: unknown; sessions?: unknown };
    if (!isCount(stats.ideas) || !isCount(stats.sessions)) return unknown;
    return { ideas: stats.ideas, joined: stats.sessions };
  } catch {
    return unknown;
  }
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
