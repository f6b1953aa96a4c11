import { describe, expect, it } from 'vitest';
import { CLASS_ROUTES } from '../classroom/server/class-routes';
import { planClassServers, type ReferenceServer, type RoomSettings } from './class-plan';

const room: RoomSettings = {
  allowedOrigins: ['http://localhost:5173', 'http://192.168.1.20:8000'],
  instructorKey: 'instructor-key',
  publisherKey: 'publisher-key',
  subscribeTokenSecret: 'token-secret',
};
const servers: ReferenceServer[] = CLASS_ROUTES.map((route, index) => ({ route, port: 41_000 + index }));
const locate = () => ({ cwd: '/kit', entry: 'server/index.ts' });

describe('planClassServers', () => {
  it('starts every route on its loopback port, allowing the room’s origins', () => {
    const processes = planClassServers({ servers, room, locate });
    expect(processes.map((planned) => planned.name)).toEqual(CLASS_ROUTES.map((route) => route.label));
    for (const [index, planned] of processes.entries()) {
      expect(planned.env.PORT).toBe(String(41_000 + index));
      expect(planned.env.ALLOWED_ORIGINS).toBe('http://localhost:5173,http://192.168.1.20:8000');
    }
  });

  it("gives 05's app and broker this class's secrets; the app publishes on loopback, pages get a path", () => {
    const processes = planClassServers({
      servers,
      room: { ...room, redisUrl: 'redis://redis:6379' },
      locate,
    });
    const app = processes.find((planned) => planned.name === '05');
    const broker = processes.find((planned) => planned.name === '05 broker');
    const brokerPort = servers.find((server) => server.route.label === '05 broker')?.port;
    expect(app?.env).toMatchObject({
      PUBLISHER_KEY: 'publisher-key',
      SUBSCRIBE_TOKEN_SECRET: 'token-secret',
      INSTRUCTOR_KEY: 'instructor-key',
      BROKER_URL: `http://localhost:${brokerPort}`,
      BROKER_PUBLIC_URLS: '/05/broker',
    });
    expect(broker?.env).toMatchObject({
      PUBLISHER_KEY: 'publisher-key',
      SUBSCRIBE_TOKEN_SECRET: 'token-secret',
      REDIS_URL: 'redis://redis:6379',
    });
    expect(processes.find((planned) => planned.name === '04')?.env.PUBLISHER_KEY).toBeUndefined();
  });

  it("gives 04's chats (WebSocket and SSE) the instructor's key for their moderation, and no one else", () => {
    const processes = planClassServers({ servers, room, locate });
    const chats = processes.filter((planned) => planned.name.startsWith('04'));
    expect(chats.length).toBeGreaterThanOrEqual(2);
    for (const chat of chats) expect(chat.env.INSTRUCTOR_KEY).toBe('instructor-key');
    for (const name of ['01', '02', '03', '05 broker']) {
      expect(processes.find((planned) => planned.name === name)?.env.INSTRUCTOR_KEY).toBeUndefined();
    }
  });
});
