import { describe, expect, it } from 'vitest';
import type { SessionResponse } from '../protocol/messages';
import { loadSession, saveSession } from './saved-session';

const SESSION: SessionResponse = {
  member: { id: 'm1', name: 'Ada' },
  sessionKey: 'k1',
  brokerUrl: 'http://localhost:4100',
  subscribeToken: 't1',
  channels: ['ideas', 'round', 'alerts'],
};

/** The part of sessionStorage the module uses, backed by a Map (Node has no sessionStorage). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  } as Storage;
}

describe('saved session', () => {
  it('gives back what was saved, so a reload keeps the name', () => {
    const storage = memoryStorage();

    saveSession(SESSION, storage);

    expect(loadSession(storage)).toEqual(SESSION);
  });

  it('has nothing before the first join', () => {
    expect(loadSession(memoryStorage())).toBeUndefined();
  });

  it.each(['not json', '{"sessionKey":1}', '{"member":{"id":"m1"},"sessionKey":"k"}'])(
    'treats an unreadable entry %j as no session, so the page asks for a name again',
    (stored) => {
      const storage = memoryStorage();
      storage.setItem('idea-board.session', stored);

      expect(loadSession(storage)).toBeUndefined();
    },
  );
});
