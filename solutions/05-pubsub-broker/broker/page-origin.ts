/**
 * May a page from `origin` connect? Browsers send the page's origin and no page can change it, which stops
 * cross-site WebSocket hijacking. Allowed: the listed origins, and pages served from the address this request
 * was sent to (the same origin: the class server's idea board at `http://192.168.1.20:8000/05/`).
 */
export function isAllowedOrigin(
  origin: string,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (allowedOrigins.includes(origin)) return true;
  if (host === undefined) return false;
  return URL.parse(origin)?.host === host.toLowerCase();
}
