import { describe, expect, it } from 'vitest';
import { formatMessageId, newEpoch, parseMessageId } from './message-id';

describe('message ids', () => {
  it('round-trips epoch and sequence', () => {
    const id = formatMessageId({ epoch: 'k3x9q1ab', sequence: 42 });
    expect(id).toBe('k3x9q1ab-42');
    expect(parseMessageId(id)).toEqual({ epoch: 'k3x9q1ab', sequence: 42 });
  });

  it.each([
    '',
    '42',
    'abc-',
    '-1',
    'ABC-1',
    'abc-1.5',
    'abc-1-2',
    `${'a'.repeat(17)}-1`,
    'abc-1234567890123456',
  ])('does not read %j', (text) => {
    expect(parseMessageId(text)).toBeUndefined();
  });

  it('makes a new epoch each time', () => {
    const epochs = new Set(Array.from({ length: 20 }, newEpoch));
    expect(epochs.size).toBe(20);
    for (const epoch of epochs) expect(epoch).toMatch(/^[a-z0-9]{8}$/);
  });
});
