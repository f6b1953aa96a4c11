import { createHash, timingSafeEqual } from 'node:crypto';

/** Checks `Authorization: Bearer <key>` against the instructor key, in constant time. */
export function hasInstructorKey(authorization: string | undefined, instructorKey: string): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  // Hashing first makes both sides the same length, which timingSafeEqual needs.
  return timingSafeEqual(digest(match[1]), digest(instructorKey));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
