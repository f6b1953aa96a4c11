import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks the `Authorization: Bearer <key>` header of a publish against the publisher key. Compared in
 * constant time, so an attacker cannot guess the key character by character from response times.
 */
export function hasPublisherKey(authorization: string | undefined, publisherKey: string): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  // Hashing first makes both sides the same length, which timingSafeEqual needs.
  return timingSafeEqual(digest(match[1]), digest(publisherKey));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
