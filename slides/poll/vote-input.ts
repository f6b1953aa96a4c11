import { isPollDeck, POLL_DECKS, type PollDeck } from './poll-questions';

/** One vote as the vote page sends it: `POST /api/poll/votes`. */
export interface VoteInput {
  /** Which talk: each has its own questions and votes. */
  deck: PollDeck;
  questionId: string;
  optionId: string;
  /** A random id the vote page keeps in localStorage: one vote per device and question. */
  deviceId: string;
}

export type VoteInputResult = { ok: true; value: VoteInput } | { ok: false; error: string };

const ID_PATTERN = /^[a-z0-9-]{1,40}$/;
const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Checks the shape of a vote body; whether the question and option exist is the store's business. */
export function parseVoteInput(body: unknown): VoteInputResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      error: 'Send a JSON object: {"deck": "…", "questionId": "…", "optionId": "…", "deviceId": "…"}.',
    };
  }
  const { deck, questionId, optionId, deviceId } = body as Record<string, unknown>;
  if (!isPollDeck(deck)) {
    return { ok: false, error: `deck must be one of ${POLL_DECKS.join(', ')}.` };
  }
  if (typeof questionId !== 'string' || !ID_PATTERN.test(questionId)) {
    return { ok: false, error: 'questionId must be a short id such as "mood".' };
  }
  if (typeof optionId !== 'string' || !ID_PATTERN.test(optionId)) {
    return { ok: false, error: 'optionId must be a short id such as "used".' };
  }
  if (typeof deviceId !== 'string' || !DEVICE_ID_PATTERN.test(deviceId)) {
    return { ok: false, error: 'deviceId must be 8 to 64 letters, digits, "-" or "_".' };
  }
  return { ok: true, value: { deck, questionId, optionId, deviceId } };
}
