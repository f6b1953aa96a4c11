import { randomUUID } from 'node:crypto';
import type { Alert, BoardSnapshot, Idea, Member, Round, RoundPhase } from '../protocol/messages';

/** A board keeps this many ideas; the oldest make room (a workshop never gets near it). */
export const MAX_IDEAS = 1_000;

/** The board's state, like the database of the PHP app: ideas, the current round, the last published id. */
export class BoardStore {
  readonly #ideas: Idea[] = [];
  #round: Round | null = null;
  #lastEventId: string | null = null;

  addIdea(author: Member, text: string, now = new Date()): Idea {
    const idea: Idea = { id: randomUUID(), text, author, createdAt: now.toISOString() };
    this.#ideas.push(idea);
    if (this.#ideas.length > MAX_IDEAS) this.#ideas.shift();
    return idea;
  }

  /** Starts a phase now; a new "ideas" phase begins the next round, "pair" and "share" keep its number. */
  startRound(phase: RoundPhase, seconds: number, now = new Date()): Round {
    const previous = this.#round?.number ?? 0;
    const number = phase === 'ideas' || previous === 0 ? previous + 1 : previous;
    this.#round = { number, phase, endsAt: new Date(now.getTime() + seconds * 1000).toISOString() };
    return this.#round;
  }

  createAlert(text: string, now = new Date()): Alert {
    return { id: randomUUID(), text, sentAt: now.toISOString() };
  }

  /** Remembers the id the broker gave the newest event, so a new page can subscribe from there. */
  recordPublished(id: string): void {
    this.#lastEventId = id;
  }

  /** Whether the snapshot names a position to subscribe from. */
  get hasPosition(): boolean {
    return this.#lastEventId !== null;
  }

  /** Takes the broker's position as the start, unless a publish has given one meanwhile (that one is newer). */
  recordPosition(id: string): void {
    this.#lastEventId ??= id;
  }

  snapshot(now = new Date()): BoardSnapshot {
    return {
      ideas: [...this.#ideas],
      round: this.#round,
      lastEventId: this.#lastEventId,
      serverTime: now.toISOString(),
    };
  }
}
