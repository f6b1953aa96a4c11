import type { RequestHandler } from 'express';

/**
 * Lets pages from the given origins read our responses. The client runs on the Vite dev server
 * (another port, so another origin), and browsers block cross-origin reads without these headers.
 */
export function allowOrigins(allowedOrigins: readonly string[]): RequestHandler {
  return (request, response, next) => {
    response.vary('Origin');
    const origin = request.get('Origin');
    if (origin && allowedOrigins.includes(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      // If-None-Match is not one of the few headers a page may send freely, so the browser asks first
      // (a preflight OPTIONS request). Max-Age lets it remember the answer for 10 minutes instead of 5 s.
      response.setHeader('Access-Control-Allow-Headers', 'Content-Type, If-None-Match');
      response.setHeader('Access-Control-Max-Age', '600');
      // A script may only read the response headers listed here (and a handful of simple ones).
      response.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');
    }
    if (request.method === 'OPTIONS') {
      response.sendStatus(204);
      return;
    }
    next();
  };
}
