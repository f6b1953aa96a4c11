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

/** "Would use it / it depends / rather not", asked once the room has seen a technique and built it. */
const OPINION: readonly PollOption[] = [
  { id: 'would-use', label: { de: 'Würde ich einsetzen', en: 'I’d use it' } },
  { id: 'depends', label: { de: 'Kommt drauf an', en: 'It depends' } },
  { id: 'rather-not', label: { de: 'Lieber nicht', en: 'Rather not' } },
];

function opinion(technique: string, name: Localized): PollQuestion {
  return {
    id: `opinion-${technique}`,
    prompt: { de: `Was hältst du von ${name.de}?`, en: `What do you think of ${name.en}?` },
    options: OPINION,
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
  // The "Stimmungsbild" of the original workshop, written anew for this course: experience and expectations.
  {
    id: 'seen-live',
    prompt: {
      de: 'Schon mal Echtzeit im Web bemerkt, abseits von Chats?',
      en: 'Noticed real-time on the web before, apart from chats?',
    },
    options: [
      { id: 'yes', label: { de: 'Ja, klar', en: 'Yes, sure' } },
      { id: 'not-sure', label: { de: 'Ich glaube nicht', en: 'I don’t think so' } },
      { id: 'no-idea', label: { de: 'Keine Ahnung', en: 'No idea' } },
    ],
  },
  {
    id: 'built-it',
    prompt: { de: 'Schon mal selbst Echtzeit eingebaut?', en: 'Built something real-time yourself?' },
    options: [
      { id: 'often', label: { de: 'Schon öfter', en: 'Several times' } },
      { id: 'seen-code', label: { de: 'Zumindest den Code gesehen', en: 'Seen the code, at least' } },
      { id: 'how', label: { de: 'Wüsste nicht, wie', en: 'Wouldn’t know how' } },
      { id: 'want-to', label: { de: 'Nein, würde ich aber gern', en: 'No, but I’d like to' } },
    ],
  },
  {
    id: 'missed-live',
    prompt: {
      de: 'Schon mal Live-Feedback vermisst, wo es keins gab?',
      en: 'Ever missed live feedback where there was none?',
    },
    options: [
      { id: 'sometimes', label: { de: 'Hier und da, ja', en: 'Now and then, yes' } },
      { id: 'once', label: { de: 'Vielleicht einmal', en: 'Maybe once' } },
      { id: 'never', label: { de: 'Eigentlich nicht', en: 'Not really' } },
    ],
  },
  {
    id: 'expectations',
    prompt: { de: 'Was willst du heute mitnehmen?', en: 'What do you want to take home today?' },
    options: [
      { id: 'expert', label: { de: 'Danach bin ich Profi', en: 'I’ll be an expert afterwards' } },
      { id: 'start', label: { de: 'Wo ich anfangen kann', en: 'Where to start when I build it' } },
      { id: 'overview', label: { de: 'Einen groben Überblick', en: 'A rough overview' } },
      { id: 'open', label: { de: 'Ich lasse mich überraschen', en: 'I’m open' } },
    ],
  },
  {
    id: 'studip-use',
    prompt: { de: 'Wie nutzt du Stud.IP?', en: 'How do you use Stud.IP?' },
    options: [
      { id: 'student', label: { de: 'Als Studi', en: 'As a student' } },
      { id: 'teacher', label: { de: 'In der Lehre', en: 'For teaching' } },
      { id: 'developer', label: { de: 'Ich entwickle daran mit', en: 'I develop it' } },
      { id: 'not-at-all', label: { de: 'Gar nicht', en: 'Not at all' } },
    ],
  },
  familiarity('short-polling', 'Short Polling'),
  familiarity('long-polling', 'Long Polling'),
  familiarity('sse', 'Server-Sent Events'),
  familiarity('websocket', 'WebSockets'),
  familiarity('webrtc', 'WebRTC'),
  familiarity('webtransport', 'WebTransport'),
  familiarity('pubsub', 'Pub/Sub'),
  // What the original asked per technology at the end: what the room now thinks of each one.
  opinion('short-polling', { de: 'Short Polling', en: 'short polling' }),
  opinion('long-polling', { de: 'Long Polling', en: 'long polling' }),
  opinion('sse', { de: 'Server-Sent Events', en: 'Server-Sent Events' }),
  opinion('websocket', { de: 'WebSockets', en: 'WebSockets' }),
  opinion('pubsub', { de: 'einem Broker vor PHP', en: 'a broker in front of PHP' }),
];

/** The two talks. Each has its own questions, its own votes and its own file in `.poll-data/`. */
export type PollDeck = 'workshop' | 'pubsub';

/**
 * Which questions each talk asks, in the order of its slides: the vote page shows these, and a vote for a
 * question of the other talk is refused. `scripts/deck-polls.test.ts` checks them against the decks.
 */
export const DECK_QUESTIONS: Readonly<Record<PollDeck, readonly string[]>> = {
  workshop: [
    'mood',
    'seen-live',
    'built-it',
    'missed-live',
    'expectations',
    'short-polling',
    'long-polling',
    'sse',
    'websocket',
    'webtransport',
    'webrtc',
    'opinion-short-polling',
    'opinion-long-polling',
    'opinion-sse',
    'opinion-websocket',
  ],
  pubsub: [
    'studip-use',
    'missed-live',
    'websocket',
    'sse',
    'pubsub',
    'opinion-websocket',
    'opinion-sse',
    'opinion-pubsub',
  ],
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
