import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Lets pages from the given origins read our responses. The client runs on the Vite dev server
 * (another port, so another origin), and browsers block cross-origin reads without these headers.
 */
export function allowOrigins(allowedOrigins: readonly string[]): RequestHandler {
  return (request, response, next) => {
    allowOrigin(request, response, allowedOrigins);
    if (request.method === 'OPTIONS') {
      response.sendStatus(204);
      return;
    }
    next();
  };
}

/** The same headers on Node's own response: the event stream does not go through Express (see app.ts). */
export function allowOrigin(
  request: IncomingMessage,
  response: ServerResponse,
  allowedOrigins: readonly string[],
): void {
  response.setHeader('Vary', 'Origin');
  const origin = request.headers.origin;
  if (origin && allowedOrigins.includes(origin)) {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    // A fetch-based SSE client sends Last-Event-ID itself, which needs permission.
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Last-Event-ID');
  }
}
