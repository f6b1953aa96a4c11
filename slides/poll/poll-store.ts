import type { PollQuestion } from './poll-questions';

/** How many votes each option of one question has, in the order of its options. */
export type Tally = Record<string, number>;

/** Who voted for what: question id → device id → option id. Stored as JSON between runs. */
export type PollSnapshot = Record<string, Record<string, string>>;

/**
 * `invalid`: an unknown question or option (400). `full`: the question has as many devices as the store
 * takes (429); devices that have voted can still change their vote.
 */
export type VoteResult =
  | { ok: true; questionId: string; tally: Tally }
  | { ok: false; reason: 'invalid' | 'full'; error: string };

/** Receives the new tally of a question after every vote that changed it. */
export type TallyListener = (questionId: string, tally: Tally) => void;

export interface PollStoreOptions {
  /** Distinct devices per question; a new device beyond this is refused (default 2000). */
  maxDevicesPerQuestion?: number;
}

export const DEFAULT_MAX_DEVICES_PER_QUESTION = 2000;

/**
 * The votes of the room, without any transport: one vote per device and question. A device that votes
 * again moves its vote; the totals never count a device twice. The counts are kept as votes arrive, so a
 * tally costs as much as the question has options, however many devices voted.
 */
export class PollStore {
  readonly #questions: ReadonlyMap<string, PollQuestion>;
  readonly #votes = new Map<string, Map<string, string>>();
  readonly #counts = new Map<string, Map<string, number>>();
  readonly #listeners = new Set<TallyListener>();
  readonly #maxDevices: number;

  /**
   * Restores `snapshot`, skipping what no longer matches a question or option (a renamed option), what is
   * not a device → option map, and devices beyond the limit.
   */
  constructor(
    questions: readonly PollQuestion[],
    snapshot: PollSnapshot = {},
    options: PollStoreOptions = {},
  ) {
    this.#maxDevices = options.maxDevicesPerQuestion ?? DEFAULT_MAX_DEVICES_PER_QUESTION;
    this.#questions = new Map(questions.map((question) => [question.id, question]));
    for (const question of questions) {
      this.#votes.set(question.id, new Map());
      this.#counts.set(question.id, new Map(question.options.map((option) => [option.id, 0])));
    }
    for (const [questionId, devices] of Object.entries(snapshot)) {
      if (typeof devices !== 'object' || devices === null || Array.isArray(devices)) continue;
      for (const [deviceId, optionId] of Object.entries(devices)) {
        if (typeof optionId === 'string') this.vote(questionId, deviceId, optionId);
      }
    }
  }

  get questions(): PollQuestion[] {
    return [...this.#questions.values()];
  }

  /** How many listeners are subscribed (one per open event stream). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Whether `deviceId` has a vote on `questionId`. */
  hasVoted(questionId: string, deviceId: string): boolean {
    return this.#votes.get(questionId)?.has(deviceId) ?? false;
  }

  /** Counts `deviceId`'s vote for `optionId`, replacing its earlier vote on the same question. */
  vote(questionId: string, deviceId: string, optionId: string): VoteResult {
    const error = this.#validate(questionId, optionId);
    if (error !== undefined) return { ok: false, reason: 'invalid', error };
    const votes = this.#votes.get(questionId) as Map<string, string>;
    const counts = this.#counts.get(questionId) as Map<string, number>;
    const before = votes.get(deviceId);
    if (before === undefined && votes.size >= this.#maxDevices) {
      return {
        ok: false,
        reason: 'full',
        error: `Question "${questionId}" already has votes from ${this.#maxDevices} devices; no more are taken.`,
      };
    }
    if (before !== optionId) {
      if (before !== undefined) counts.set(before, (counts.get(before) ?? 1) - 1);
      counts.set(optionId, (counts.get(optionId) ?? 0) + 1);
      votes.set(deviceId, optionId);
    }
    const tally = this.tally(questionId);
    if (before !== optionId) for (const listener of this.#listeners) listener(questionId, tally);
    return { ok: true, questionId, tally };
  }

  /** The current counts of one question; every option is present, with 0 when nobody chose it. */
  tally(questionId: string): Tally {
    const counts = this.#counts.get(questionId);
    if (!counts) throw new TypeError(`Unknown poll question "${questionId}"`);
    return Object.fromEntries(counts);
  }

  /** Every question's counts, for a slide that has just opened. */
  tallies(): Record<string, Tally> {
    return Object.fromEntries(
      [...this.#questions.keys()].map((questionId) => [questionId, this.tally(questionId)]),
    );
  }

  /** Forgets every vote of one question, e.g. between two groups. */
  reset(questionId: string): void {
    this.#votes.get(questionId)?.clear();
    const counts = this.#counts.get(questionId);
    for (const optionId of counts?.keys() ?? []) counts?.set(optionId, 0);
    const tally = this.tally(questionId);
    for (const listener of this.#listeners) listener(questionId, tally);
  }

  snapshot(): PollSnapshot {
    const answered = [...this.#votes].filter(([, votes]) => votes.size > 0);
    return Object.fromEntries(answered.map(([questionId, votes]) => [questionId, Object.fromEntries(votes)]));
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
