import { describe, expect, it } from 'vitest';
import type { Change } from '../protocol/messages';
import { ChangeLog } from './change-log';

function change(id: string): Change {
  return { event: 'notification', notification: { id, title: id, message: id, time: '' } };
}

function logWith(cursors: string[], capacity = 10): ChangeLog {
  const log = new ChangeLog(capacity, 'start');
  for (const cursor of cursors) log.add({ cursor, change: change(cursor) });
  return log;
}

function ids(changes: Change[] | undefined): string[] | undefined {
  return changes?.map((item) => item.notification.id);
}

describe('ChangeLog', () => {
  it('returns the changes after a known cursor, oldest first', () => {
    expect(ids(logWith(['1', '2', '3']).changesAfter('1'))).toEqual(['2', '3']);
  });

  it('returns nothing for the newest cursor: the client is up to date', () => {
    expect(logWith(['1', '2']).changesAfter('2')).toEqual([]);
  });

  it('returns every change for the start cursor, before anything happened', () => {
    expect(ids(logWith(['1', '2']).changesAfter('start'))).toEqual(['1', '2']);
  });

  it('returns undefined for an unknown cursor, e.g. from before a server restart', () => {
    expect(logWith(['1', '2']).changesAfter('other-run-5')).toBeUndefined();
  });

  it('keeps only the newest changes and says so when a cursor has dropped out', () => {
    const log = logWith(['1', '2', '3', '4'], 2);
    expect(log.changesAfter('1'), 'change 2 was dropped, so 1 cannot continue').toBeUndefined();
    expect(ids(log.changesAfter('2'))).toEqual(['3', '4']);
    expect(log.changesAfter('start')).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new ChangeLog(0, 'start')).toThrow(TypeError);
  });
});
