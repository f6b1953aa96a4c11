/** The two languages every deck and the vote page come in. */
export type Language = 'de' | 'en';

/** Text in both languages of the decks. */
export type Localized = Record<Language, string>;

export interface PollOption {
  id: string;
  label: Localized;
}

export interface PollQuestion {
  id: string;
  prompt: Localized;
  options: readonly PollOption[];
}

/** "Used it / seen it / never heard of it", asked on each technology's slide. */
const FAMILIARITY: readonly PollOption[] = [
  { id: 'used', label: { de: 'Schon benutzt', en: 'Used it' } },
  { id: 'seen', label: { de: 'Schon gesehen', en: 'Seen it' } },
  { id: 'never', label: { de: 'Noch nie gehört', en: 'Never heard of it' } },
];

function familiarity(id: string, name: string): PollQuestion {
  return {
    id,
    prompt: { de: `${name}: schon mal benutzt?`, en: `${name}: have you used it?` },
    options: FAMILIARITY,
  };
}

/** Every question the decks ask; a vote for anything else is refused with 400. */
export const POLL_QUESTIONS: readonly PollQuestion[] = [
  {
    id: 'mood',
    prompt: { de: 'Wie ist die Stimmung?', en: 'How are you feeling today?' },
    options: [
      { id: 'ready', label: { de: 'Voll motiviert', en: 'Ready to go' } },
      { id: 'okay', label: { de: 'Passt schon', en: 'Okay' } },
      { id: 'coffee', label: { de: 'Erst mal Kaffee', en: 'Need coffee first' } },
    ],
  },
  familiarity('short-polling', 'Short Polling'),
  familiarity('long-polling', 'Long Polling'),
  familiarity('sse', 'Server-Sent Events'),
  familiarity('websocket', 'WebSockets'),
  familiarity('webrtc', 'WebRTC'),
  familiarity('webtransport', 'WebTransport'),
  familiarity('pubsub', 'Pub/Sub'),
];

/** The two talks. Each has its own questions, its own votes and its own file in `.poll-data/`. */
export type PollDeck = 'workshop' | 'pubsub';

/**
 * Which questions each talk asks, in the order of its slides: the vote page shows these, and a vote for a
 * question of the other talk is refused. `scripts/deck-polls.test.ts` checks them against the decks.
 */
export const DECK_QUESTIONS: Readonly<Record<PollDeck, readonly string[]>> = {
  workshop: ['mood', 'short-polling', 'long-polling', 'sse', 'websocket', 'webtransport', 'webrtc'],
  pubsub: ['websocket', 'sse', 'pubsub'],
};

export const POLL_DECKS = Object.keys(DECK_QUESTIONS) as PollDeck[];

export function isPollDeck(value: unknown): value is PollDeck {
  return typeof value === 'string' && Object.hasOwn(DECK_QUESTIONS, value);
}

/** The questions of one talk, in its order. */
export function questionsOf(deck: PollDeck): PollQuestion[] {
  return DECK_QUESTIONS[deck].map((id) => {
    const question = POLL_QUESTIONS.find((each) => each.id === id);
    if (!question) throw new TypeError(`DECK_QUESTIONS.${deck} names the unknown question "${id}"`);
    return question;
  });
}
