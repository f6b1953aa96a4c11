import type { SessionResponse } from '../protocol/messages';

// sessionStorage lives as long as the tab: a reload keeps your name, a new tab joins as someone new.
const STORAGE_KEY = 'idea-board.session';

/** The session this tab joined with, or `undefined` before joining (or if the stored one is unreadable). */
export function loadSession(storage: Storage = sessionStorage): SessionResponse | undefined {
  try {
    const value: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (isSession(value)) return value;
  } catch {
    // Unreadable: join again, as if nothing was stored.
  }
  return undefined;
}

export function saveSession(session: SessionResponse, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

function isSession(value: unknown): value is SessionResponse {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Partial<SessionResponse>;
  return (
    typeof session.sessionKey === 'string' &&
    typeof session.member?.id === 'string' &&
    typeof session.member.name === 'string' &&
    Array.isArray(session.channels)
  );
}
