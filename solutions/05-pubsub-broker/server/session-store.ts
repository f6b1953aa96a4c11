import { randomBytes, randomUUID } from 'node:crypto';
import type { Member } from '../protocol/messages';

/** Sessions beyond this many push out the oldest: a stranger cannot fill our memory by joining in a loop. */
export const MAX_SESSIONS = 10_000;

/** Who joined the board, by the secret session key their page keeps. */
export class SessionStore {
  readonly #members = new Map<string, Member>();

  join(name: string): { member: Member; sessionKey: string } {
    const member: Member = { id: randomUUID().slice(0, 8), name };
    const sessionKey = randomBytes(24).toString('base64url');
    this.#members.set(sessionKey, member);
    if (this.#members.size > MAX_SESSIONS) {
      const oldest = this.#members.keys().next().value;
      if (oldest !== undefined) this.#members.delete(oldest);
    }
    return { member, sessionKey };
  }

  /** The member of `Authorization: Bearer <session key>`, if that key is ours. */
  find(authorization: string | undefined): Member | undefined {
    const match = /^Bearer (.+)$/.exec(authorization ?? '');
    if (!match?.[1]) return undefined;
    return this.#members.get(match[1]);
  }

  get size(): number {
    return this.#members.size;
  }
}
