import type { ModerationState } from '../protocol/messages';

/** The longest slow mode: a message every five minutes is already a pause, not a chat. */
export const MAX_SLOW_MODE_SECONDS = 300;
/** The name of the instructor's own messages; nobody else may post under it. */
export const INSTRUCTOR_NAME = 'Instructor';

/** Why a post is refused: `slow` is a matter of waiting (HTTP 429), the others of the name (403). */
export interface Refusal {
  reason: 'reserved' | 'muted' | 'slow';
  error: string;
}

/**
 * The instructor's rules for the class chat: muted names and slow mode. Names are what people type, so anyone
 * can pick another one; these rules calm a room down, they do not lock anyone out. Memory stays bounded: a name
 * is remembered for slow mode only until its wait is over.
 */
export class ChatModeration {
  readonly #muted = new Set<string>();
  #slowModeMs = 0;
  /** When each name last posted, for slow mode; names whose wait is over are dropped. */
  readonly #lastPostAt = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get state(): ModerationState {
    return { muted: [...this.#muted], slowModeSeconds: this.#slowModeMs / 1000 };
  }

  mute(username: string): void {
    this.#muted.add(key(username));
  }

  unmute(username: string): void {
    this.#muted.delete(key(username));
  }

  setSlowMode(seconds: number): void {
    this.#slowModeMs = seconds * 1000;
    this.#lastPostAt.clear();
  }

  /** Why `username` may not post now, or undefined; a post that is allowed counts for slow mode. */
  admit(username: string): Refusal | undefined {
    const name = key(username);
    if (name === key(INSTRUCTOR_NAME)) {
      return {
        reason: 'reserved',
        error: `The name "${INSTRUCTOR_NAME}" is kept for the instructor's messages; choose another.`,
      };
    }
    if (this.#muted.has(name)) {
      return { reason: 'muted', error: `The instructor has muted the name "${username}".` };
    }
    if (this.#slowModeMs === 0) return undefined;
    const now = this.#now();
    this.#forgetWaitsOver(now);
    const last = this.#lastPostAt.get(name);
    if (last !== undefined) {
      const waitSeconds = Math.ceil((last + this.#slowModeMs - now) / 1000);
      return {
        reason: 'slow',
        error: `Slow mode: one message every ${this.#slowModeMs / 1000} s per name; wait ${waitSeconds} s.`,
      };
    }
    this.#lastPostAt.set(name, now);
    return undefined;
  }

  #forgetWaitsOver(now: number): void {
    // Oldest first (a name is added only when it has no wait): stop at the first that still waits.
    for (const [name, at] of this.#lastPostAt) {
      if (at + this.#slowModeMs > now) return;
      this.#lastPostAt.delete(name);
    }
  }
}

/**
 * A name as the rules compare it: the same letters whatever their case, width, accents or invisible characters, so
 * that "INSTRUCTOR" or "Instructor" with a zero-width space in it is the reserved name too.
 */
function key(username: string): string {
  return username
    .normalize('NFKD')
    .replace(/[\p{Cf}\p{Mn}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
