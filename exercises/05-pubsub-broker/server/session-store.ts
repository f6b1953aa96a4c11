import { randomBytes, randomUUID } from 'node:crypto';
import type { Member } from '../protocol/messages';

/** Sessions beyond this many push out the oldest: a stranger cannot fill our memory by joining in a loop. */
export const MAX_SESSIONS = 10_000;

/** One joined member, and the broker their page stays with (so a reconnect finds its presence again). */
export interface Session {
  member: Member;
  brokerUrl: string;
}

/** Who joined the board, by the secret session key their page keeps. */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();

  join(name: string, brokerUrl: string): Session & { sessionKey: string } {
    const member: Member = { id: randomUUID().slice(0, 8), name };
    const sessionKey = randomBytes(24).toString('base64url');
    this.#sessions.set(sessionKey, { member, brokerUrl });
    if (this.#sessions.size > MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
    return { member, brokerUrl, sessionKey };
  }

  /** The session of `Authorization: Bearer <session key>`, if that key is ours. */
  find(authorization: string | undefined): Session | undefined {
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    if (!match?.[1]) return undefined;
    return this.#sessions.get(match[1]);
  }

  get size(): number {
    return this.#sessions.size;
  }
}
