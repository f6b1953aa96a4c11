// The idea board on the pub/sub talk's workshop slide: where phones open it, and how many ideas it has. The
// poll server asks the board's app (`/05/stats` on the class server) every few seconds and tells the slides only
// when something changes: short polling (exercise 01) by one server, instead of every open deck.
import type { BoardView } from './poll-events';

export interface BoardLocation {
  /** Where phones open the board, e.g. `http://192.168.1.20:8000/05/`. */
  pageUrl: string;
  /** The board app's counts, e.g. `http://localhost:8000/05/stats`: `{"sessions": 30, "ideas": 12}`. */
  statsUrl: string;
}

export interface BoardWatchOptions {
  /** Where the board is now, asked before each look; undefined while there is none (nothing is asked then). */
  locate: () => BoardLocation | undefined;
  /** Milliseconds between two questions (default 2000); each waits that long for its answer, 1 s at least. */
  everyMs?: number;
}

type BoardListener = (view: BoardView) => void;

export class BoardWatch {
  readonly #locate: () => BoardLocation | undefined;
  readonly #everyMs: number;
  readonly #listeners = new Set<BoardListener>();
  #view: BoardView;
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor({ locate, everyMs = 2_000 }: BoardWatchOptions) {
    this.#locate = locate;
    this.#everyMs = everyMs;
    this.#view = { pageUrl: '', ideas: null, joined: null };
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
    const location = this.#locate();
    const bound = Math.max(this.#everyMs, 1_000);
    const counts = location ? await readCounts(location.statsUrl, bound) : NO_COUNTS;
    if (!this.#running) return;
    const next: BoardView = { pageUrl: location?.pageUrl ?? '', ...counts };
    const current = this.#view;
    const changed =
      next.pageUrl !== current.pageUrl || next.ideas !== current.ideas || next.joined !== current.joined;
    if (changed) {
      this.#view = next;
      for (const listener of this.#listeners) listener(this.view);
    }
    this.#timer = setTimeout(() => void this.#check(), this.#everyMs);
    // A poll server that is asked to stop must not wait for the next question.
    this.#timer.unref();
  }
}

type Counts = Pick<BoardView, 'ideas' | 'joined'>;

const NO_COUNTS: Counts = { ideas: null, joined: null };

/** The board's counts, or nulls when it does not answer with them in time (stopped, or another server). */
async function readCounts(statsUrl: string, boundMs: number): Promise<Counts> {
  try {
    const response = await fetch(statsUrl, { signal: AbortSignal.timeout(boundMs) });
    if (!response.ok) return NO_COUNTS;
    const stats = (await response.json()) as { ideas?: unknown; sessions?: unknown };
    if (!isCount(stats.ideas) || !isCount(stats.sessions)) return NO_COUNTS;
    return { ideas: stats.ideas, joined: stats.sessions };
  } catch {
    return NO_COUNTS;
  }
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
