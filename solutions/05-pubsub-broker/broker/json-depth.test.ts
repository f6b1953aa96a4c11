import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_DATA_DEPTH } from './json-depth';

function nested(levels: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? [value] : { value };
  return value;
}

describe('jsonDepth', () => {
  it('counts the levels of objects and arrays', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ text: 'hi', tags: ['a'] })).toBe(2);
    expect(jsonDepth(nested(MAX_DATA_DEPTH))).toBe(MAX_DATA_DEPTH);
  });

  it('stops counting past the limit, so hostile data costs no more than that', () => {
    expect(jsonDepth(nested(100_000))).toBe(MAX_DATA_DEPTH + 1);
  });
});
