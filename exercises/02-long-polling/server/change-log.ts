import type { Change } from '../protocol/messages';

/** One change, with the cursor that names the moment just after it. */
export interface LoggedChange {
  cursor: string;
  change: Change;
}

/**
 * The last `capacity` changes, oldest first. A client that asks with a cursor gets every change after it
 * from here; if its cursor has already dropped out, it needs a fresh start instead.
 */
export class ChangeLog {
  readonly #capacity: number;
  readonly #entries: LoggedChange[] = [];
  /** The cursor just before the oldest kept change: a client that has it has missed nothing we dropped. */
  #reachesBackTo: string;

  constructor(capacity: number, startCursor: string) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`ChangeLog capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
    this.#reachesBackTo = startCursor;
  }

  add(entry: LoggedChange): void {
    this.#entries.push(entry);
    if (this.#entries.length <= this.#capacity) return;
    const dropped = this.#entries.shift();
    if (dropped) this.#reachesBackTo = dropped.cursor;
  }

  /** Changes after `cursor`, oldest first, or `undefined` when the log no longer reaches back that far. */
  changesAfter(cursor: string): Change[] | undefined {
    if (cursor === this.#reachesBackTo) return this.#entries.map((entry) => entry.change);
    const index = this.#entries.findIndex((entry) => entry.cursor === cursor);
    if (index === -1) return undefined;
    return this.#entries.slice(index + 1).map((entry) => entry.change);
  }
}
