import { randomBytes } from 'node:crypto';
import type { ChatInput, ChatMessage } from '../protocol/messages';
import { ChatModeration, INSTRUCTOR_NAME, type Refusal } from './chat-moderation';

/** Receives every new message of the room. */
export type MessageListener = (message: ChatMessage) => void;

/** The stored message, or why the room refused it (a muted name, slow mode): send that reason back. */
export type PostResult = { ok: true; message: ChatMessage } | ({ ok: false } & Refusal);

export interface ChatRoomOptions {
  /** How many messages the room keeps; `chat.initial` sends them all (default 100). */
  capacity?: number;
}

/**
 * The chat itself, without any transport: the newest messages and everyone listening. The WebSocket
 * server and the SSE variant both subscribe here, so a message posted one way reaches clients of the other.
 */
export class ChatRoom {
  readonly #capacity: number;
  readonly #messages: ChatMessage[] = [];
  readonly #listeners = new Set<MessageListener>();
  // Ids carry a per-run prefix, so a page that saw messages before a server restart never mistakes a new
  // message for one it already shows.
  readonly #runId = randomBytes(3).toString('hex');
  #messageCount = 0;
  /** The instructor's rules (class server): muted names and slow mode. Without an instructor, nobody sets any. */
  readonly moderation = new ChatModeration();
  /** The id just before the oldest kept message: a client that saw it has missed nothing we dropped. */
  #reachesBackTo: string;

  constructor({ capacity = 100 }: ChatRoomOptions = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new TypeError(`ChatRoom capacity must be a positive integer, got ${capacity}`);
    }
    this.#capacity = capacity;
    this.#reachesBackTo = this.lastId;
  }

  /** The id of the newest message; a client that has it is up to date. */
  get lastId(): string {
    return `${this.#runId}-${this.#messageCount}`;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Every stored message, oldest first. */
  list(): ChatMessage[] {
    return [...this.#messages];
  }

  /**
   * Stores a message with a fresh id and the server's time, and hands it to every listener; unless the
   * instructor's rules refuse it, then nothing is stored and the result says why.
   */
  post(input: ChatInput): PostResult {
    const refusal = this.moderation.admit(input.username);
    if (refusal !== undefined) return { ok: false, ...refusal };
    return { ok: true, message: this.#store(input.username, input.message) };
  }

  /** A message of the instructor, past every rule; `removes` takes earlier messages out of every page. */
  announce(text: string, removes?: string[]): ChatMessage {
    return this.#store(INSTRUCTOR_NAME, text, removes);
  }

  /** Takes one message out of the chat, with a notice that tells every page to remove it too. */
  remove(id: string): ChatMessage | undefined {
    const index = this.#messages.findIndex((message) => message.id === id);
    if (index === -1) return undefined;
    const [removed] = this.#messages.splice(index, 1);
    return this.announce(`Removed a message by ${removed?.username}.`, [id]);
  }

  /** Takes every message out of the chat; the notice that says so is the only one left. */
  clear(): ChatMessage {
    const ids = this.#messages.map((message) => message.id);
    this.#messages.length = 0;
    return this.announce('Cleared the chat.', ids);
  }

  #store(username: string, text: string, removes?: string[]): ChatMessage {
    this.#messageCount += 1;
    const message: ChatMessage = {
      id: this.lastId,
      username,
      message: text,
      timestamp: new Date().toISOString(),
      ...(removes ? { removes } : {}),
    };
    this.#messages.push(message);
    if (this.#messages.length > this.#capacity) {
      const dropped = this.#messages.shift();
      if (dropped) this.#reachesBackTo = dropped.id;
    }
    for (const listener of this.#listeners) listener(message);
    return message;
  }

  /** Messages after the one with `id`, or `undefined` when the room no longer reaches back that far. */
  messagesAfter(id: string): ChatMessage[] | undefined {
    if (id === this.#reachesBackTo) return this.list();
    const index = this.#messages.findIndex((message) => message.id === id);
    if (index === -1) return undefined;
    return this.#messages.slice(index + 1);
  }

  /** Calls `listener` with every future message; returns the function that stops it. */
  subscribe(listener: MessageListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
