import { isPollDeck, POLL_DECKS, type PollDeck } from './poll-questions';
import { MAX_BREAK_MINUTES } from './stage';

/** `POST /api/poll/stage/slide`: the presenter's deck names the poll questions of its current slide. */
export interface SlideInput {
  deck: PollDeck;
  questions: string[];
}

/** `POST /api/poll/stage/break`: the presenter starts the break countdown; `minutes: 0` ends it. */
export interface BreakInput {
  deck: PollDeck;
  minutes: number;
}

export type StageInputResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** A slide shows a handful of polls at most; more is not a slide, it is a script. */
const MAX_QUESTIONS_PER_SLIDE = 8;

/** Checks a slide report; `knownQuestions` are the talk's, so a typo in a deck is refused by name. */
export function parseSlideInput(
  body: unknown,
  knownQuestions: (deck: PollDeck) => readonly string[],
): StageInputResult<SlideInput> {
  if (!isObject(body)) {
    return { ok: false, error: 'Send a JSON object: {"deck": "workshop", "questions": ["mood"]}.' };
  }
  const { deck, questions } = body;
  if (!isPollDeck(deck)) return { ok: false, error: `deck must be one of ${POLL_DECKS.join(', ')}.` };
  if (!Array.isArray(questions) || questions.length > MAX_QUESTIONS_PER_SLIDE) {
    return {
      ok: false,
      error: `questions must be a list of at most ${MAX_QUESTIONS_PER_SLIDE} question ids ([] for a slide without a poll).`,
    };
  }
  const known = knownQuestions(deck);
  const unknown = questions.find((question) => typeof question !== 'string' || !known.includes(question));
  if (unknown !== undefined) {
    return {
      ok: false,
      error: `The talk "${deck}" has no question ${JSON.stringify(unknown)}. Known: ${known.join(', ')}.`,
    };
  }
  return { ok: true, value: { deck, questions: questions as string[] } };
}

/** Checks a break request: whole minutes from 0 (end the break) to MAX_BREAK_MINUTES. */
export function parseBreakInput(body: unknown): StageInputResult<BreakInput> {
  if (!isObject(body)) {
    return { ok: false, error: 'Send a JSON object: {"deck": "workshop", "minutes": 10}.' };
  }
  const { deck, minutes } = body;
  if (!isPollDeck(deck)) return { ok: false, error: `deck must be one of ${POLL_DECKS.join(', ')}.` };
  if (
    typeof minutes !== 'number' ||
    !Number.isInteger(minutes) ||
    minutes < 0 ||
    minutes > MAX_BREAK_MINUTES
  ) {
    return {
      ok: false,
      error: `minutes must be a whole number from 0 (ends the break) to ${MAX_BREAK_MINUTES}.`,
    };
  }
  return { ok: true, value: { deck, minutes } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
