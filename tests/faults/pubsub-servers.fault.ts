// Scripted attacks on exercise 05 (solutions/): the app backend and its broker, in memory and, when REDIS_URL
// is set (CI sets it), on Redis. Each check asserts that both live on and still serve an honest device.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../solutions/05-pubsub-broker/protocol/messages';
import { canSendFrom, loopbackRequest, postJson } from '../harness/loopback-request';
import { sendBadBodies, unclearAnswers } from './bad-bodies';
import { type PubSubServers, startPubSubServers } from './fault-server';
import { CHECK_TIMEOUT_MS, CHURN_COUNT, CHURN_PARALLEL, MAX_RSS_GROWTH_BYTES } from './fault-soak';
import { describeRefusal, floodUntilRefused } from './publish-flood';
import { churnStreams, MAX_SECOND_HALF_GROWTH_BYTES, secondHalfGrowth } from './raw-stream';

// Every attack plays several devices (127.0.0.2 and up); macOS has only 127.0.0.1 without an alias.
const LOOPBACK_ALIASES = await canSendFrom('127.0.0.2');

const HONEST_DEVICE = '127.0.0.2';
const BAD_INPUT_SENDER = '127.0.0.3';
const FLOODER = '127.0.0.4';
/** The app's default: 300 joins a minute per address. */
const JOINS_PER_MINUTE = 300;
const PUBLISHER_KEY = 'workshop-publisher-key';

const engines = [
  { engine: 'memory', redisUrl: undefined as string | undefined },
  ...(process.env.REDIS_URL ? [{ engine: 'Redis', redisUrl: process.env.REDIS_URL }] : []),
];

describe.skipIf(!LOOPBACK_ALIASES).each(engines)(
  '05-pubsub-broker, broker in $engine (reference app and broker)',
  ({ redisUrl }) => {
    let servers: PubSubServers;
    let session: SessionResponse;
    const rssAtStart: { app?: number; broker?: number } = {};

    beforeAll(async () => {
      servers = await startPubSubServers({
        redisUrl,
        env: { REDIS_KEY_PREFIX: `faults-${randomUUID().slice(0, 8)}` },
      });
      rssAtStart.app = servers.app.rssBytes();
      rssAtStart.broker = servers.broker.rssBytes();
      const joined = await postJson(
        `${servers.app.url}/api/session`,
        { name: 'Ada' },
        { from: HONEST_DEVICE },
      );
      session = JSON.parse(joined.body) as SessionResponse;
    }, 30_000);
    afterAll(async () => {
      await servers?.stop();
    });

    it('answers every bad body to the app and the broker with a 4xx and a JSON error', async () => {
      const app = servers.app.url;
      const answers = [
        ...(await sendBadBodies(`${app}/api/session`, { from: BAD_INPUT_SENDER })),
        ...(await sendBadBodies(`${app}/api/ideas`, {
          from: BAD_INPUT_SENDER,
          headers: { Authorization: `Bearer ${session.sessionKey}` },
        })),
        ...(await sendBadBodies(`${servers.broker.url}/publish`, {
          from: BAD_INPUT_SENDER,
          headers: { Authorization: `Bearer ${PUBLISHER_KEY}` },
        })),
      ];
      expect(unclearAnswers(answers), 'answers without a 4xx and a JSON error').toEqual([]);
      const idea = await postJson(
        `${app}/api/ideas`,
        { text: 'an honest idea after the bad ones' },
        { from: HONEST_DEVICE, headers: { Authorization: `Bearer ${session.sessionKey}` } },
      );
      expect(idea.status).toBe(201);
    });

    it('refuses data nested deeper than 32 levels before storing it, and publishes the next message', async () => {
      let deep: unknown = 'bottom';
      for (let level = 0; level < 40; level += 1) deep = { deeper: deep };
      const publish = (data: unknown) =>
        postJson(
          `${servers.broker.url}/publish`,
          { channel: 'faults', event: 'test', data },
          { headers: { Authorization: `Bearer ${PUBLISHER_KEY}` } },
        );
      expect((await publish(deep)).status).toBe(400);
      expect((await publish({ fine: true })).status).toBeLessThan(300);
    });

    it('meets a join flood from one address with 429, and another device still joins', async () => {
      const flood = await floodUntilRefused(
        `${servers.app.url}/api/session`,
        (index) => ({ name: `Bot ${index}` }),
        { from: FLOODER, maxAttempts: JOINS_PER_MINUTE * 2 },
      );
      expect(flood.accepted, 'joins before the limit').toBe(JOINS_PER_MINUTE);
      const refusal = describeRefusal(flood.refused);
      expect(refusal.status).toBe(429);
      expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refusal.error).toBeTruthy();
      const honest = await postJson(
        `${servers.app.url}/api/session`,
        { name: 'Grace' },
        { from: HONEST_DEVICE },
      );
      expect(honest.status, 'another address may still join').toBe(201);
    });

    it.each([
      { transport: 'SSE', webSocket: false, statsField: 'sseStreams' },
      { transport: 'WebSocket', webSocket: true, statsField: 'webSocketClients' },
    ])(
      `opens and drops ${CHURN_COUNT} $transport subscribers, and counts none of them afterwards`,
      async ({ webSocket, statsField }) => {
        const token = encodeURIComponent(session.subscribeToken);
        const path = webSocket ? `/connect?token=${token}` : `/events?token=${token}&channel=ideas`;
        const churn = await churnStreams(
          servers.broker.url,
          { path, webSocket },
          {
            count: CHURN_COUNT,
            batch: CHURN_PARALLEL,
            openNow: () => brokerStat(servers, statsField),
            rss: () => servers.broker.rssBytes(),
          },
        );
        expect(churn.problems).toEqual([]);
        expect(secondHalfGrowth(churn), 'memory the second half of the churn added').toBeLessThan(
          MAX_SECOND_HALF_GROWTH_BYTES,
        );
      },
      CHECK_TIMEOUT_MS,
    );

    it('both are alive after every attack, and each one’s memory grew by less than 64 MB', () => {
      for (const [name, server] of [
        ['app', servers.app],
        ['broker', servers.broker],
      ] as const) {
        expect(server.isAlive, `${name}: ${server.lastLines()}`).toBe(true);
        const before = rssAtStart[name];
        const now = server.rssBytes();
        if (before === undefined || now === undefined) continue;
        expect(now - before, name).toBeLessThan(MAX_RSS_GROWTH_BYTES);
      }
    });
  },
);

async function brokerStat(servers: PubSubServers, field: string): Promise<number> {
  const answer = await loopbackRequest(`${servers.broker.url}/stats`);
  return Number((JSON.parse(answer.body) as Record<string, unknown>)[field]);
}
