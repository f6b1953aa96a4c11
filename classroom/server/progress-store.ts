// The room's progress: the last report per student and exercise, in memory, bounded, and told to every open
// board as it arrives.
import type { ProgressReport, StudentProgress } from './progress-messages';

/** A room of 200 doing five exercises, with room to spare; a script inventing names stops here. */
const MAX_ROWS = 2_000;

type Listener = (progress: StudentProgress) => void;

export class ProgressStore {
  readonly #rows = new Map<string, StudentProgress>();
  readonly #listeners = new Set<Listener>();
  readonly #maxRows: number;

  constructor({ maxRows = MAX_ROWS }: { maxRows?: number } = {}) {
    this.#maxRows = maxRows;
  }

  /** Keeps the report (replacing the student's last one for that exercise); false when the board is full. */
  report(report: ProgressReport, now = new Date()): StudentProgress | undefined {
    const key = `${report.exercise}\u0000${report.name.toLowerCase()}`;
    if (!this.#rows.has(key) && this.#rows.size >= this.#maxRows) return undefined;
    const progress: StudentProgress = { ...report, reportedAt: now.toISOString() };
    this.#rows.set(key, progress);
    for (const listener of this.#listeners) listener(progress);
    return progress;
  }

  snapshot(): StudentProgress[] {
    return [...this.#rows.values()];
  }

  /** Calls `listener` with every report from now on; returns what stops it. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
