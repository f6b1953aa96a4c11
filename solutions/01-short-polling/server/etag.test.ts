import { describe, expect, it } from 'vitest';
import { etagFor, isUnchanged } from './etag';

describe('etagFor', () => {
  it('quotes the version', () => {
    expect(etagFor('3fa9c1-42')).toBe('"3fa9c1-42"');
  });

  it('refuses a version that would break the header', () => {
    expect(() => etagFor('a"b')).toThrow(TypeError);
    expect(() => etagFor('a\nb')).toThrow(TypeError);
  });
});

describe('isUnchanged', () => {
  const etag = '"run-7"';

  it('is false without If-None-Match', () => {
    expect(isUnchanged(undefined, etag)).toBe(false);
  });

  it('matches the same ETag, also in a list or weak', () => {
    expect(isUnchanged('"run-7"', etag)).toBe(true);
    expect(isUnchanged('"run-5", "run-7"', etag)).toBe(true);
    expect(isUnchanged('W/"run-7"', etag)).toBe(true);
    expect(isUnchanged('*', etag)).toBe(true);
  });

  it('does not match another version or an unquoted value', () => {
    expect(isUnchanged('"run-6"', etag)).toBe(false);
    expect(isUnchanged('"other-7"', etag)).toBe(false);
    expect(isUnchanged('run-7', etag)).toBe(false);
    expect(isUnchanged('', etag)).toBe(false);
  });
});
