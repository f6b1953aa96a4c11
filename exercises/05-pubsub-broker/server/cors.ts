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
      // Sessions and instructor actions send Authorization; a fetch-based SSE client sends Last-Event-ID.
      response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Last-Event-ID');
    }
    if (request.method === 'OPTIONS') {
      response.sendStatus(204);
      return;
    }
    next();
  };
}
