import type { PollQuestion } from './poll-questions';

/** How many votes each option of one question has, in the order of its options. */
export type Tally = Record<string, number>;

/** Who voted for what: question id → device id → option id. Stored as JSON between runs. */
export type PollSnapshot = Record<string, Record<string, string>>;

export type VoteResult = { ok: true; questionId: string; tally: Tally } | { ok: false; error: string };

/** Receives the new tally of a question after every vote that changed it. */
export type TallyListener = (questionId: string, tally: Tally) => void;

/**
 * The votes of the room, without any transport: one vote per device and question. A device that votes
 * again moves its vote; the totals never count a device twice.
 */
export class PollStore {
  readonly #questions: ReadonlyMap<string, PollQuestion>;
  readonly #votes = new Map<string, Map<string, string>>();
  readonly #listeners = new Set<TallyListener>();

  /** Restores `snapshot`, skipping what no longer matches a question or option (a renamed option). */
  constructor(questions: readonly PollQuestion[], snapshot: PollSnapshot = {}) {
    this.#questions = new Map(questions.map((question) => [question.id, question]));
    for (const question of questions) this.#votes.set(question.id, new Map());
    for (const [questionId, devices] of Object.entries(snapshot)) {
      for (const [deviceId, optionId] of Object.entries(devices)) {
        if (this.#validate(questionId, optionId) === undefined)
          this.#votes.get(questionId)?.set(deviceId, optionId);
      }
    }
  }

  get questions(): PollQuestion[] {
    return [...this.#questions.values()];
  }

  /** Counts `deviceId`'s vote for `optionId`, replacing its earlier vote on the same question. */
  vote(questionId: string, deviceId: string, optionId: string): VoteResult {
    const error = this.#validate(questionId, optionId);
    if (error !== undefined) return { ok: false, error };
    const votes = this.#votes.get(questionId) as Map<string, string>;
    const unchanged = votes.get(deviceId) === optionId;
    votes.set(deviceId, optionId);
    const tally = this.tally(questionId);
    if (!unchanged) for (const listener of this.#listeners) listener(questionId, tally);
    return { ok: true, questionId, tally };
  }

  /** The current counts of one question; every option is present, with 0 when nobody chose it. */
  tally(questionId: string): Tally {
    const question = this.#questions.get(questionId);
    if (!question) throw new TypeError(`Unknown poll question "${questionId}"`);
    const tally: Tally = Object.fromEntries(question.options.map((option) => [option.id, 0]));
    for (const optionId of this.#votes.get(questionId)?.values() ?? [])
      tally[optionId] = (tally[optionId] ?? 0) + 1;
    return tally;
  }

  /** Every question's counts, for a slide that has just opened. */
  tallies(): Record<string, Tally> {
    return Object.fromEntries(this.questions.map((question) => [question.id, this.tally(question.id)]));
  }

  /** Forgets every vote of one question, e.g. between two groups. */
  reset(questionId: string): void {
    this.#votes.get(questionId)?.clear();
    const tally = this.tally(questionId);
    for (const listener of this.#listeners) listener(questionId, tally);
  }

  snapshot(): PollSnapshot {
    const snapshot: PollSnapshot = {};
    for (const [questionId, votes] of this.#votes) {
      if (votes.size > 0) snapshot[questionId] = Object.fromEntries(votes);
    }
    return snapshot;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: TallyListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #validate(questionId: string, optionId: string): string | undefined {
    const question = this.#questions.get(questionId);
    if (!question)
      return `There is no question "${questionId}". Known: ${[...this.#questions.keys()].join(', ')}.`;
    if (!question.options.some((option) => option.id === optionId)) {
      const known = question.options.map((option) => option.id).join(', ');
      return `Question "${questionId}" has no option "${optionId}". Known: ${known}.`;
    }
    return undefined;
  }
}
