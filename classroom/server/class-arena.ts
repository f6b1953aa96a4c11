// The technique arena (`pnpm arena`) on the class server at `/arena/`: phones reach only the class server's
// port, so the arena runs on loopback ports behind it, its page and API under `/arena`, each technique under
// `/arena/t/<id>`. Everyone may watch; only the instructor's key changes it (rate, clients, network drop).
import type http from 'node:http';
import { TECHNIQUE_PATH } from '../../arena/server/arena-messages';
import type { TechniqueId } from '../../arena/server/technique-servers';
import { hasInstructorKey } from '../../solutions/05-pubsub-broker/server/instructor-key';
import type { RunningRoute } from './class-server';

/** Where the room opens the arena: `/arena/`. */
export const ARENA_PATH = '/arena';

/** What the class server needs of a running arena (arena-server.ts's `Arena` is one). */
export interface RunningArena {
  readonly port: number;
  readonly techniques: readonly { id: TechniqueId; port: number }[];
  close(): Promise<void>;
}

export const ARENA_REFUSAL =
  'Only the instructor changes the arena: open it with the key that pnpm class prints (/arena/#key=…). Everyone may watch.';

/** The arena's page and API, and one route per technique; none counted in the console's room traffic. */
export function arenaRoutes(arena: RunningArena, instructorKey: string): RunningRoute[] {
  const page: RunningRoute = {
    prefix: ARENA_PATH,
    port: arena.port,
    name: 'the technique arena',
    counted: false,
    intercept: (request, response) =>
      redirectToFolder(request, response) || refuseChange(request, response, instructorKey),
  };
  const techniques = arena.techniques.map(
    (technique): RunningRoute => ({
      prefix: `${ARENA_PATH}/${TECHNIQUE_PATH}${technique.id}`,
      port: technique.port,
      name: `the arena's ${technique.id}`,
      counted: false,
    }),
  );
  return [page, ...techniques];
}

/** `/arena` → `/arena/`: the page's addresses are relative to its folder (`api/arena`, `t/sse`). */
function redirectToFolder(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const url = request.url ?? '/';
  const pathname = url.split('?')[0];
  if (pathname !== ARENA_PATH) return false;
  response.writeHead(301, { Location: `${ARENA_PATH}/${url.slice(ARENA_PATH.length)}` }).end();
  return true;
}

/** Reading is for everyone; every other method (the settings, the network drop) needs the instructor's key. */
function refuseChange(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  instructorKey: string,
): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method ?? 'GET')) return false;
  if (hasInstructorKey(request.headers.authorization, instructorKey)) return false;
  // The body is not read: closing after the answer stops a phone from streaming one in.
  response.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
  response.end(JSON.stringify({ error: ARENA_REFUSAL }));
  return true;
}
