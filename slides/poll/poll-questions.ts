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
