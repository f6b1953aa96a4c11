// Which reference server answers under which path of the class server. Every exercise runs unchanged behind
// one port: the class server strips the path and forwards the rest, so `/04/messages` reaches 04's `/messages`.

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
];

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
