import type { ErrorRequestHandler, RequestHandler } from 'express';

/** Unknown paths get a JSON 404 that names the real endpoints, instead of an HTML page. */
export const notFound: RequestHandler = (request, response) => {
  response.status(404).json({
    error: `No route for ${request.method} ${request.path}. Try GET /api/board, POST /api/session or POST /api/ideas.`,
  });
};

/** Turns errors (mostly unreadable bodies) into a JSON answer with the right status; never a stack trace. */
export const jsonErrors: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const status = statusOf(error);
  const message = status === 500 ? 'Internal server error.' : messageFor(status, error);
  if (status === 500) console.error(error);
  response.status(status).json({ error: message });
};

function statusOf(error: unknown): number {
  if (typeof error !== 'object' || error === null || !('status' in error)) return 500;
  const status = Number(error.status);
  return status >= 400 && status < 600 ? status : 500;
}

function messageFor(status: number, error: unknown): string {
  if (status === 413) return 'The body is too large; an idea is at most a few hundred characters.';
  if (status === 400) return 'The body is not valid JSON.';
  return error instanceof Error ? error.message : 'Bad request.';
}
