import type { StageView } from './poll-events';

/** Receives what the presenter shows after every change. */
export type StageListener = (view: StageView) => void;

/** The longest break the presenter can start; a typo like 100 would otherwise hold the room for hours. */
export const MAX_BREAK_MINUTES = 60;

/**
 * What the presenter shows now, for the phones that follow the talk: the poll questions of the current slide,
 * and when the break ends. Kept on the server, so a phone that reloads, or joins late, gets the same state.
 * Times are the server's clock; each view carries it, so a phone whose clock is wrong still counts down right.
 */
export class Stage {
  #questions: string[] | null = null;
  #breakEndsAt: number | null = null;
  readonly #listeners = new Set<StageListener>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  view(): StageView {
    return { questions: this.#questions, breakEndsAt: this.#breakEndsAt, serverNow: this.#now() };
  }

  /** The presenter moved to a slide with these poll questions (none: a slide without a poll). */
  showSlide(questions: readonly string[]): void {
    if (this.#questions && sameList(this.#questions, questions)) return;
    this.#questions = [...questions];
    this.#changed();
  }

  /** Starts the break countdown anew, `minutes` from now; 0 ends a running break. */
  setBreak(minutes: number): void {
    this.#breakEndsAt = minutes === 0 ? null : this.#now() + minutes * 60_000;
    this.#changed();
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: StageListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #changed(): void {
    const view = this.view();
    for (const listener of this.#listeners) listener(view);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((each, index) => each === b[index]);
}
