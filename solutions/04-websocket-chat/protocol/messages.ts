/** A chat message as it travels from server to client. */
export interface ChatMessage {
  /** Unique, also across server restarts; a client that already shows this id skips the message. */
  id: string;
  /** Who wrote it. */
  username: string;
  /** The text, as written (line breaks included). */
  message: string;
  /** When the server received it, as ISO 8601 (`2026-11-29T09:15:00.000Z`); set by the server, never the client. */
  timestamp: string;
  /**
   * Only in a notice of the instructor (the class server's chat): the ids of earlier messages it took out of the
   * chat. Every page removes them; the notice itself stays ("Instructor: removed a message").
   */
  removes?: string[];
}

/** What a client sends to post a message: the server adds `id` and `timestamp`. */
export interface ChatInput {
  username: string;
  message: string;
}

/** Every event the server sends, by name, with its `data`. */
export interface ServerEvents {
  /** Sent first on every new connection: all stored messages, oldest first. */
  'chat.initial': ChatMessage[];
  /** One new message, sent to every client (the sender too). */
  'chat.message': ChatMessage;
  /** The server could not use what this client sent; the connection stays open. */
  error: { reason: string };
}

/** Every event a client sends, by name, with its `data`. */
export interface ClientEvents {
  /** Post a message to everyone. */
  chat: ChatInput;
}

/**
 * What the instructor may do to the chat (`POST /moderation` with `Authorization: Bearer <instructor key>`; only
 * when the server was started with INSTRUCTOR_KEY, as the class server does).
 */
export type ModerationAction =
  /** Write in the chat as "Instructor". */
  | { action: 'say'; message: string }
  /** Take one message out of the chat. */
  | { action: 'delete'; id: string }
  /** Take every message out of the chat. */
  | { action: 'clear' }
  /** Refuse the messages of a name (case does not matter), or take them again. */
  | { action: 'mute' | 'unmute'; username: string }
  /** At most one message per name every `seconds` (0 ends slow mode). */
  | { action: 'slow'; seconds: number };

/** The answer to every moderation action: what the chat's rules are now. */
export interface ModerationState {
  muted: string[];
  slowModeSeconds: number;
}

export type ServerEventName = keyof ServerEvents;
export type ClientEventName = keyof ClientEvents;

/**
 * Every WebSocket message, in both directions, is one JSON object of this shape:
 * `{ "event": "chat.message", "data": { "id": "…", "username": "Ada", … } }`.
 * A WebSocket carries bare text, so the event name travels inside it (SSE has its own `event:` field).
 */
export type Envelope<Events, Name extends keyof Events = keyof Events> = {
  [Event in Name]: { event: Event; data: Events[Event] };
}[Name];

/** One of the envelopes the server sends. TypeScript narrows `data` once you check `event`. */
export type ServerEnvelope = Envelope<ServerEvents>;

/** One of the envelopes a client sends. */
export type ClientEnvelope = Envelope<ClientEvents>;
