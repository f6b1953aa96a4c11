// Everything that travels between the three parts of exercise 05, in one place:
//   page ──HTTP──► app backend ──HTTP publish──► broker ──WebSocket or SSE──► every page.

// ── The idea board (app backend ⇄ page) ─────────────────────────────────────────────────────────────

/** Someone on the board, as everyone sees them. */
export interface Member {
  /** Chosen by the app backend, unique per participant. */
  id: string;
  name: string;
}

/** One posted idea. */
export interface Idea {
  id: string;
  text: string;
  author: Member;
  /** ISO 8601, set by the app backend. */
  createdAt: string;
}

/** The workshop format from the talk: "8 Ideen / 8 Minuten", then "Pair", then "Share". */
export type RoundPhase = 'ideas' | 'pair' | 'share';

/** The round everyone counts down together (data sync). */
export interface Round {
  /** 1 for the first round; every start of a phase counts up. */
  number: number;
  phase: RoundPhase;
  /** ISO 8601; every page counts down to this same moment. */
  endsAt: string;
}

/** A message from the instructor to everyone. */
export interface Alert {
  id: string;
  text: string;
  sentAt: string;
}

/** `POST /api/session` body: join the board under a name. */
export interface SessionRequest {
  name: string;
}

/** `POST /api/session` answer: who you are, and how to reach the broker. */
export interface SessionResponse {
  member: Member;
  /** Send as `Authorization: Bearer …` when you post an idea. */
  sessionKey: string;
  /** Where to subscribe (the app backend knows the broker; the page does not need to). */
  brokerUrl: string;
  /** Short-lived token that lets this member subscribe to `channels`; ask `POST /api/token` for a fresh one. */
  subscribeToken: string;
  channels: BoardChannel[];
}

/** `POST /api/token` answer: a fresh subscribe token for the same member. */
export interface TokenResponse {
  subscribeToken: string;
  brokerUrl: string;
}

/** `GET /api/board`: the whole board now; subscribe with `since: lastEventId` to miss nothing after it. */
export interface BoardSnapshot {
  ideas: Idea[];
  round: Round | null;
  /** The id of the last event the app backend published, or null before the first one. */
  lastEventId: string | null;
  /** The server's clock (ISO 8601), so every page counts down to `endsAt` by the same clock. */
  serverTime: string;
}

/** `POST /api/ideas` body (with `Authorization: Bearer <sessionKey>`). */
export interface IdeaInput {
  text: string;
}

/** `POST /api/round` body (instructor only): start this phase now. */
export interface RoundInput {
  phase: RoundPhase;
}

/** `POST /api/alerts` body (instructor only). */
export interface AlertInput {
  text: string;
}

/** Every 4xx/5xx answer of the app backend and the broker. */
export interface ErrorResponse {
  error: string;
}

// ── Channels and their events (what the app backend publishes) ─────────────────────────────────────

/** The board's channels. The broker knows nothing about them: any valid name works there. */
export type BoardChannel = 'ideas' | 'round' | 'alerts';

/** Every event the app backend publishes, by name, with its `data`. */
export interface BoardEvents {
  'idea.created': Idea;
  'round.started': Round;
  alert: Alert;
}

export type BoardEventName = keyof BoardEvents;

// ── The broker's wire protocol ──────────────────────────────────────────────────────────────────────

/**
 * `POST /publish` body, sent by the app backend with `Authorization: Bearer <publisher key>`.
 * `data` is any JSON value; the broker passes it on untouched.
 */
export interface PublishRequest {
  channel: string;
  event: string;
  data: unknown;
}

/** `POST /publish` answer (202): the id the message got; subscribers see the same id. */
export interface PublishResponse {
  id: string;
}

/**
 * `GET /position` answer (with the publisher key): the id of the newest message on any channel, or `<epoch>-0`
 * before the first. Subscribing `since` it misses nothing that is published later.
 */
export interface PositionResponse {
  lastEventId: string;
}

/** What a subscriber sends over the WebSocket (SSE subscribers name their channels in the URL instead). */
export type SubscriberCommand =
  /** Start receiving a channel; with `since`, first get everything after that message id. */
  { type: 'subscribe'; channel: string; since?: string } | { type: 'unsubscribe'; channel: string };

/** One entry of a channel's presence: one connection of one member (a member with two tabs has two). */
export interface PresenceEntry {
  connectionId: string;
  member: Member;
}

/** One published message, as stored in a channel's history and delivered to subscribers. */
export interface ChannelMessage {
  type: 'message';
  channel: string;
  /** `<epoch>-<sequence>`: ordered across all channels of one broker (or one Redis). */
  id: string;
  event: string;
  data: unknown;
}

/** What the broker sends to a subscriber, over WebSocket (JSON text) or SSE (`event: <type>`, JSON data). */
export type BrokerMessage =
  | ChannelMessage
  /** The subscription works; `presence` lists who is on the channel right now (you included). */
  | { type: 'subscribed'; channel: string; presence: PresenceEntry[] }
  | { type: 'unsubscribed'; channel: string }
  /** Someone's connection joined or left the channel. */
  | { type: 'presence'; channel: string; action: 'join' | 'leave'; entry: PresenceEntry }
  /** `since` is older than the channel's history reaches back: reload the state from the app backend. */
  | { type: 'history-lost'; channel: string }
  /** The broker could not do what you asked; the connection stays open. */
  | { type: 'error'; code: BrokerErrorCode; message: string; channel?: string };

export type BrokerErrorCode = 'bad-command' | 'forbidden' | 'too-many-channels' | 'unavailable';

export type BrokerMessageType = BrokerMessage['type'];

/** The claims of a subscribe token (a JWT, HS256), signed by the app backend and checked by the broker. */
export interface SubscribeClaims {
  /** The member's id. */
  sub: string;
  name: string;
  /** The channels this token may subscribe to. */
  channels: string[];
}

/** Both sides check these, so a token for something else is never taken for a subscribe token. */
export const TOKEN_ISSUER = 'idea-board-app';
export const TOKEN_AUDIENCE = 'idea-board-broker';
