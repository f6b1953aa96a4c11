import { describe, expect, it } from 'vitest';
import { EventHistory } from './event-history';

function historyWith(ids: string[], capacity = 10): EventHistory {
  const history = new EventHistory(capacity, 'start');
  for (const id of ids) history.add({ id, frame: `frame ${id}` });
  return history;
}

describe('EventHistory', () => {
  it('returns the events after a known id', () => {
    const missed = historyWith(['1', '2', '3']).eventsAfter('1');
    expect(missed?.map((event) => event.id)).toEqual(['2', '3']);
  });

  it('returns nothing for the newest id: the client is up to date', () => {
    expect(historyWith(['1', '2']).eventsAfter('2')).toEqual([]);
  });

  it('returns every event for the start id, before anything was sent', () => {
    expect(historyWith(['1', '2']).eventsAfter('start')?.length).toBe(2);
  });

  it('returns undefined for an unknown id, e.g. from before a server restart', () => {
    expect(historyWith(['1', '2']).eventsAfter('other-run-5')).toBeUndefined();
  });

  it('keeps only the newest events and says so when an id has dropped out', () => {
    const history = historyWith(['1', '2', '3', '4'], 2);
    expect(history.eventsAfter('1'), 'event 2 was dropped, so 1 cannot resume').toBeUndefined();
    expect(history.eventsAfter('2')?.map((event) => event.id)).toEqual(['3', '4']);
    expect(history.eventsAfter('start')).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new EventHistory(0, 'start')).toThrow(TypeError);
  });
});
