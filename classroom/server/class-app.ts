// The class server's own pages and API, beside the reference servers it forwards to: the start page, the
// progress reports of `pnpm verify`, the instructor's console with the live progress board, and 05's idea board
// page for phones.
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { renderSVG } from 'uqr';
import { hasInstructorKey } from '../../solutions/05-pubsub-broker/server/instructor-key';
import { ARENA_PATH } from './class-arena';
import type { ClassRoute } from './class-routes';
import { BOARD_PAGE_PATH, POLL_PATH } from './class-routes';
import { chooseLanguage, renderStartPage } from './class-start-page';
import { renderInstructorConsolePage } from './instructor-console-page';
import { createProgressRoutes } from './progress-routes';
import type { ProgressStore } from './progress-store';
import type { TrafficCounter } from './traffic-counter';

export interface ClassAppOptions {
  routes: readonly ClassRoute[];
  store: ProgressStore;
  instructorKey: string;
  /** The console's script for the browser (instructor-console-script.ts). */
  boardScript: string;
  /** The folder of 05's built idea board, served at `/05/`. */
  boardDir?: string | undefined;
  traffic: TrafficCounter;
  /** How often the console gets the room's traffic (milliseconds). */
  roomEveryMs?: number;
  /** The slides' poll (its vote page for phones, and the talk's API), served at `/poll`. */
  poll?: Express | undefined;
  /** The technique arena runs behind `/arena/` (class-arena.ts): the start page links it. */
  arena?: boolean | undefined;
}

export function createClassApp({
  routes,
  store,
  instructorKey,
  boardScript,
  boardDir,
  traffic,
  roomEveryMs,
  poll,
  arena,
}: ClassAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // A TLS proxy on the same host (docs/class-server.md) says which address and scheme the device used.
  app.set('trust proxy', 'loopback');
  app.get('/', (request, response) => {
    const classUrl = `${request.protocol}://${request.host ?? 'localhost'}`;
    const query = new URL(request.originalUrl, 'http://class').search;
    response.setHeader('Cache-Control', 'no-store');
    response.type('html').send(
      renderStartPage({
        classUrl,
        routes,
        language: chooseLanguage(request.get('accept-language'), query),
        qrSvg: renderSVG(`${classUrl}${BOARD_PAGE_PATH}`),
        boardUrl: `${classUrl}${BOARD_PAGE_PATH}`,
        voteUrl: poll ? `${classUrl}${POLL_PATH}/vote` : undefined,
        arenaUrl: arena ? `${classUrl}${ARENA_PATH}/` : undefined,
      }),
    );
  });
  app.use(
    createProgressRoutes({
      store,
      traffic,
      ...(roomEveryMs ? { roomEveryMs } : {}),
      isInstructor: (request) => carriesKey(request, instructorKey),
    }),
  );
  // The page itself holds no data: the key in its #fragment opens the event stream, so anyone may load it.
  app.get('/instructor', (request, response) => {
    const query = new URL(request.originalUrl, 'http://class').search;
    response
      .type('html')
      .send(renderInstructorConsolePage(chooseLanguage(request.get('accept-language'), query)));
  });
  app.get('/instructor/console.js', (_request, response) => {
    response.type('text/javascript').send(boardScript);
  });
  // `/05` redirects to `/05/`, so the page's relative links and the phone's bookmark are the same.
  if (boardDir) app.use(BOARD_PAGE_PATH.replace(/\/$/, ''), express.static(boardDir));
  if (poll) app.use(POLL_PATH, poll);
  const own = [
    '/',
    '/instructor',
    '/progress',
    ...(poll ? [`${POLL_PATH}/vote`] : []),
    ...(arena ? [`${ARENA_PATH}/`] : []),
  ];
  const paths = [...own, ...routes.map((route) => route.prefix)].join(', ');
  app.use((request, response) => {
    response.status(404).json({ error: `Nothing at ${request.path}. The class server serves ${paths}.` });
  });
  app.use(jsonErrors);
  return app;
}

/** `?key=` (an EventSource cannot send headers) or `Authorization: Bearer`. */
function carriesKey(request: Request, instructorKey: string): boolean {
  const fromQuery = typeof request.query.key === 'string' ? `Bearer ${request.query.key}` : undefined;
  return hasInstructorKey(fromQuery ?? request.get('authorization'), instructorKey);
}

/** A body that is not JSON, or too large, gets its status and a JSON message; nothing is stored. */
const jsonErrors: ErrorRequestHandler = (error, _request, response, _next) => {
  const status =
    typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message =
    status === 413
      ? 'The report is too large.'
      : status === 400
        ? 'The body is not valid JSON.'
        : 'The class server failed.';
  response.status(status).json({ error: message });
};
