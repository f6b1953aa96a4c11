/**
 * The `ETag` of a version: an opaque string in double quotes, e.g. `"3fa9c1-42"`. The client sends it back
 * as `If-None-Match`; while it still matches, the list has not changed.
 */
export function etagFor(version: string): string {
  if (/["\r\n]/.test(version)) {
    throw new TypeError(`An ETag version must not contain quotes or line breaks: ${JSON.stringify(version)}`);
  }
  return `"${version}"`;
}

/**
 * True when `If-None-Match` names `etag`, i.e. the client already has this version. The header may list
 * several ETags separated by commas, or be `*`; a weak `W/"…"` counts as the same ETag (RFC 9110, 13.1.2).
 */
export function isUnchanged(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const wanted = withoutWeakPrefix(etag);
  return ifNoneMatch
    .split(',')
    .map((candidate) => candidate.trim())
    .some((candidate) => candidate === '*' || withoutWeakPrefix(candidate) === wanted);
}

function withoutWeakPrefix(etag: string): string {
  return etag.startsWith('W/') ? etag.slice(2) : etag;
}
