// Which reference server answers under which path of the class server. Every exercise runs unchanged behind
// one port: the class server strips the path and forwards the rest, so `/04/messages` reaches 04's `/messages`.
// Exercise 05 runs as the room's idea board: its app backend under `/05`, its broker under `/05/broker`.

export interface ClassRoute {
  /** The path on the class server, e.g. `/04`; more specific routes (`/04/sse`) are matched first. */
  prefix: string;
  /** The exercise folder whose reference solution runs behind it. */
  exerciseName: string;
  /** Its entry file relative to the solution folder. */
  entry: string;
  /** The label of its output lines in `pnpm class`. */
  label: string;
  /** What students find there, for the class server's start page. */
  title: { en: string; de: string };
}

export const CLASS_ROUTES: readonly ClassRoute[] = [
  {
    prefix: '/01',
    exerciseName: '01-short-polling',
    entry: 'server/index.ts',
    label: '01',
    title: { en: 'Short polling: notifications', de: 'Short Polling: Benachrichtigungen' },
  },
  {
    prefix: '/02',
    exerciseName: '02-long-polling',
    entry: 'server/index.ts',
    label: '02',
    title: { en: 'Long polling: notifications', de: 'Long Polling: Benachrichtigungen' },
  },
  {
    prefix: '/03',
    exerciseName: '03-sse-notifications',
    entry: 'server/index.ts',
    label: '03',
    title: { en: 'Server-Sent Events: notifications', de: 'Server-Sent Events: Benachrichtigungen' },
  },
  {
    prefix: '/04',
    exerciseName: '04-websocket-chat',
    entry: 'server/index.ts',
    label: '04',
    title: { en: 'WebSocket: the class chat', de: 'WebSocket: der Klassen-Chat' },
  },
  {
    prefix: '/04/sse',
    exerciseName: '04-websocket-chat',
    entry: 'server/index.sse.ts',
    label: '04 sse',
    title: {
      en: 'The chat over SSE + POST (a room of its own)',
      de: 'Der Chat über SSE + POST (ein eigener Raum)',
    },
  },
  {
    prefix: '/05',
    exerciseName: '05-pubsub-broker',
    entry: 'server/index.ts',
    label: '05',
    title: {
      en: 'Pub/sub: the idea board’s app backend; phones open /05/',
      de: 'Pub/Sub: das App-Backend des Ideenboards; Handys öffnen /05/',
    },
  },
  {
    prefix: '/05/broker',
    exerciseName: '05-pubsub-broker',
    entry: 'broker/index.ts',
    label: '05 broker',
    title: { en: 'Pub/sub: the idea board’s broker', de: 'Pub/Sub: der Broker des Ideenboards' },
  },
];

/** Where phones open 05's idea board: the class server serves the built page here, same origin as its app. */
export const BOARD_PAGE_PATH = '/05/';

/** Where the slides' poll is on the class server: phones vote at `/poll/vote`. */
export const POLL_PATH = '/poll';

/** Where pages reach 05's broker on the class server. */
export const BOARD_BROKER_PATH = '/05/broker';

/**
 * A request for the board page's own files (`/05`, `/05/`, `/05/index.html`, `/05/assets/…`): the class server
 * answers it; every other `/05/…` request goes on to the app backend (`/05/api/…`) or the broker.
 */
export function isBoardPageRequest(method: string | undefined, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const pathname = url.split('?')[0] ?? '';
  if (pathname === '/05' || pathname === BOARD_PAGE_PATH) return true;
  return pathname === `${BOARD_PAGE_PATH}index.html` || pathname.startsWith(`${BOARD_PAGE_PATH}assets/`);
}

export interface MatchedRoute<Route extends { prefix: string }> {
  route: Route;
  /** The path and query the reference server sees, always starting with `/`. */
  forwardedPath: string;
}

/** The route a request URL belongs to, longest prefix first; `/04` matches `/04`, `/04/` and `/04?x`, not `/040`. */
export function matchRoute<Route extends { prefix: string }>(
  routes: readonly Route[],
  url: string,
): MatchedRoute<Route> | undefined {
  const byLength = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const route of byLength) {
    if (!url.startsWith(route.prefix)) continue;
    const rest = url.slice(route.prefix.length);
    if (rest === '') return { route, forwardedPath: '/' };
    if (rest.startsWith('/')) return { route, forwardedPath: rest };
    if (rest.startsWith('?')) return { route, forwardedPath: `/${rest}` };
  }
  return undefined;
}
