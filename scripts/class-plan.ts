// What `pnpm class` starts: each reference server on a loopback port of its own, started like `pnpm dev`
// starts them (launch-command.ts), allowing the room's origins. 04's chats take the instructor's key for their
// moderation. Exercise 05's app backend and broker share
// secrets made for this class, and the app hands pages the broker's address under the class server's path.
import type { ClassRoute } from '../classroom/server/class-routes';
import { BOARD_BROKER_PATH } from '../classroom/server/class-routes';
import type { LaunchProcess } from './launch-plan';
import { localUrl } from './launch-plan';

export interface ReferenceServer {
  route: ClassRoute;
  /** A free loopback port; only the class server's front door talks to it. */
  port: number;
}

/** What every reference server of this class shares. */
export interface RoomSettings {
  allowedOrigins: string[];
  instructorKey: string;
  /** Made for this class at start: 05's app publishes with the key, the broker checks tokens with the secret. */
  publisherKey: string;
  subscribeTokenSecret: string;
  /** 05's broker keeps channels and history in this Redis (the compose file's), else in memory. */
  redisUrl?: string | undefined;
}

export interface ClassPlanRequest {
  servers: ReferenceServer[];
  room: RoomSettings;
  /** Where a route's code is: the solution folder (`pnpm class`) or the bundle (`pnpm class:build`). */
  locate(route: ClassRoute): { cwd: string; entry: string };
}

export function planClassServers({ servers, room, locate }: ClassPlanRequest): LaunchProcess[] {
  return servers.map((server) => {
    const { cwd, entry } = locate(server.route);
    return {
      name: server.route.label,
      title: `The reference server of exercise ${server.route.label}`,
      kind: 'server',
      cwd,
      entry,
      port: server.port,
      portVariable: 'CLASS_PORT',
      env: {
        PORT: String(server.port),
        ALLOWED_ORIGINS: room.allowedOrigins.join(','),
        ...chatEnv(server, room),
        ...pubSubEnv(server, servers, room),
      },
      readyUrl: `${localUrl(server.port)}/`,
      color: 'magenta',
    };
  });
}

/** Exercise 04's chats (WebSocket and SSE): the instructor's key opens their moderation to the console. */
function chatEnv(server: ReferenceServer, room: RoomSettings): Record<string, string> {
  if (server.route.exerciseName !== '04-websocket-chat') return {};
  return { INSTRUCTOR_KEY: room.instructorKey };
}

/** Exercise 05's own settings: nothing for the other exercises. */
function pubSubEnv(
  server: ReferenceServer,
  servers: ReferenceServer[],
  room: RoomSettings,
): Record<string, string> {
  const { route } = server;
  if (route.exerciseName !== '05-pubsub-broker') return {};
  const secrets = { PUBLISHER_KEY: room.publisherKey, SUBSCRIBE_TOKEN_SECRET: room.subscribeTokenSecret };
  if (route.prefix === BOARD_BROKER_PATH) {
    return { ...secrets, ...(room.redisUrl ? { REDIS_URL: room.redisUrl } : {}) };
  }
  const broker = servers.find((candidate) => candidate.route.prefix === BOARD_BROKER_PATH);
  if (!broker) throw new Error(`Exercise 05's app backend needs its broker at ${BOARD_BROKER_PATH}.`);
  return {
    ...secrets,
    INSTRUCTOR_KEY: room.instructorKey,
    BROKER_URL: localUrl(broker.port),
    // A path: the app answers each page with the broker under the address that page used (its own Host).
    BROKER_PUBLIC_URLS: BOARD_BROKER_PATH,
  };
}
