// The progress board's HTTP side: students' `pnpm verify` posts results (anyone in the room may), the
// instructor's console reads them live over SSE (with the instructor key only), with the room's traffic.
import express, { type Request, type Response, Router } from 'express';
import { RateLimiter, rateLimit } from '../../solutions/01-short-polling/server/rate-limit';
import { formatSseEvent } from '../../solutions/03-sse-notifications/server/sse-frame';
import { openSseStream } from '../../solutions/03-sse-notifications/server/sse-stream';
import { parseProgressReport } from './progress-input';
import type { ConsoleEvents, StudentProgress } from './progress-messages';
import type { ProgressStore } from './progress-store';
import type { TrafficCounter } from './traffic-counter';

export interface ProgressRouteOptions {
  store: ProgressStore;
  /** Says whether a request carries the instructor key (`?key=` for the board's EventSource). */
  isInstructor: (request: Request) => boolean;
  /** Reports one address may send per minute: a `--watch` on every save, not a loop. */
  reportsPerMinute?: number;
  traffic: TrafficCounter;
  /** How often the console gets the room's traffic (milliseconds). */
  roomEveryMs?: number;
}

const STREAM_OPTIONS = { keepAliveMs: 20_000, retryMs: 2_000, maxBufferedBytes: 1_000_000 };

export function createProgressRoutes({
  store,
  isInstructor,
  reportsPerMinute = 60,
  traffic,
  roomEveryMs = 2_000,
}: ProgressRouteOptions): Router {
  const router = Router();
  router.post(
    '/progress',
    rateLimit(new RateLimiter({ maxRequests: reportsPerMinute, windowMs: 60_000 }), 'progress reports'),
    express.json({ limit: '64kb' }),
    (request: Request, response: Response) => {
      const parsed = parseProgressReport(request.body);
      if ('error' in parsed) {
        response.status(400).json({ error: parsed.error });
        return;
      }
      const stored = store.report(parsed.report);
      if (!stored) {
        response
          .status(503)
          .json({ error: 'The progress board is full; ask the instructor to restart the class server.' });
        return;
      }
      response.status(204).end();
    },
  );
  router.get('/instructor/events', (request: Request, response: Response) => {
    if (!isInstructor(request)) {
      response
        .status(401)
        .json({ error: 'The instructor console needs the instructor key (printed by pnpm class).' });
      return;
    }
    const stream = openSseStream(request, response, STREAM_OPTIONS);
    let sequence = 0;
    const send = <Name extends keyof ConsoleEvents>(event: Name, data: ConsoleEvents[Name]) => {
      sequence += 1;
      stream.send(formatSseEvent({ event, id: String(sequence), data: JSON.stringify(data) }));
    };
    send('snapshot', store.snapshot());
    send('room', traffic.snapshot());
    const stop = store.subscribe((progress: StudentProgress) => send('progress', progress));
    const room = setInterval(() => send('room', traffic.snapshot()), roomEveryMs);
    stream.onClose(() => {
      stop();
      clearInterval(room);
    });
  });
  return router;
}
