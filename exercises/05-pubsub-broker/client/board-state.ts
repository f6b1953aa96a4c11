import type { BoardSnapshot, Idea, Member, PresenceEntry, Round } from '../protocol/messages';

/**
 * What the page knows about the board, kept apart from the DOM so it can be tested in Node:
 * the ideas by id (a message can repeat an idea the snapshot already had), who is online, and the round.
 */
export class BoardState {
  readonly #ideas = new Map<string, Idea>();
  /** One entry per connection: a member with two tabs open has two. */
  readonly #presence = new Map<string, Member>();
  #round: Round | null = null;
  #clockOffsetMs = 0;

  /**
   * Starts over from `GET /api/board`. `receivedAt` is this computer's clock when the answer arrived; the
   * difference to `serverTime` is the clock offset (network delay ignored: milliseconds on a minutes timer).
   */
  loadSnapshot(snapshot: BoardSnapshot, receivedAt: number = Date.now()): void {
    this.#ideas.clear();
    for (const idea of snapshot.ideas) this.#ideas.set(idea.id, idea);
    this.#round = snapshot.round;
    const serverTime = Date.parse(snapshot.serverTime);
    this.#clockOffsetMs = Number.isNaN(serverTime) ? 0 : serverTime - receivedAt;
  }

  /** Adds an idea; `false` if it is already known (it came with the snapshot and again as a message). */
  addIdea(idea: Idea): boolean {
    if (this.#ideas.has(idea.id)) return false;
    this.#ideas.set(idea.id, idea);
    return true;
  }

  /** Every idea, oldest first. */
  get ideas(): Idea[] {
    return Array.from(this.#ideas.values());
  }

  /** Replaces the presence with the list a `subscribed` message brings. */
  setPresence(entries: PresenceEntry[]): void {
    this.#presence.clear();
    for (const entry of entries) this.joinPresence(entry);
  }

  joinPresence(entry: PresenceEntry): void {
    this.#presence.set(entry.connectionId, entry.member);
  }

  leavePresence(entry: PresenceEntry): void {
    this.#presence.delete(entry.connectionId);
  }

  /** Who is online, each member once however many tabs they have open. */
  get members(): Member[] {
    const byId = new Map<string, Member>();
    for (const member of this.#presence.values()) {
      if (!byId.has(member.id)) byId.set(member.id, member);
    }
    return Array.from(byId.values());
  }

  set round(round: Round | null) {
    this.#round = round;
  }

  get round(): Round | null {
    return this.#round;
  }

  /** The server's clock minus this computer's, in milliseconds. */
  get clockOffsetMs(): number {
    return this.#clockOffsetMs;
  }
}
