// The soak (FAULTS_SOAK=1 pnpm test:faults): what takes minutes, not seconds. Stalled readers under a flood,
// a Redis that restarts under the broker, and brokers that crash while members are present. Each check
// prints its figures, for the notes of whoever runs it.

import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../scripts/ports';
import { connectChatClient } from '../04-websocket-chat/node-websocket';
import { BrokerClient, joinBoard } from '../05-pubsub-broker/broker-client';
import { loopbackRequest, postJson } from '../harness/loopback-request';
import { ManagedProcess } from '../harness/managed-process';
import {
  type FaultServer,
  type PubSubServers,
  startPubSubServers,
  startSolutionServer,
} from './fault-server';
import { SOAK, settlesAt } from './fault-soak';
import { openRawStream } from './raw-stream';

const SOAK_TIMEOUT_MS = 600_000;
const STALLED_READERS = 50;
/** Growth of resident memory allowed while 50 readers are stalled and cut off. */
const MAX_FLOOD_RSS_GROWTH_BYTES = 256 * 1024 * 1024;
const PUBLISHER_KEY = 'workshop-publisher-key';

describe.runIf(SOAK)('soak', () => {
  describe.each([
    {
      exercise: '03-sse-notifications',
      kind: 'SSE',
      path: '/sse',
      webSocket: false,
      statsField: 'openStreams',
    },
    {
      exercise: '04-websocket-chat',
      kind: 'WebSocket',
      path: '/',
      webSocket: true,
      statsField: 'openConnections',
    },
  ])('$exercise: $kind readers that stop reading', ({ exercise, path, webSocket, statsField }) => {
    let server: FaultServer;

    beforeAll(async () => {
      // The flood comes from this one machine, so the publish limit is lifted for it.
      server = await startSolutionServer(exercise, { env: { POST_RATE_LIMIT_MAX_REQUESTS: '1000000' } });
    }, 30_000);
    afterAll(async () => {
      await server?.stop();
    });

    it(
      `cuts off ${STALLED_READERS} stalled readers under a flood, while a reading client gets everything`,
      async () => {
        const openNow = () => statsNumber(server, statsField);
        const tag = randomUUID().slice(0, 8);
        const honest = await honestReader(server, exercise, tag);
        const baseline = await openNow();
        const stalled: Socket[] = [];
        for (let index = 0; index < STALLED_READERS; index += 1) {
          stalled.push(await openRawStream(server.url, { path, webSocket }));
        }
        expect(await settlesAt(openNow, baseline + STALLED_READERS)).toBe(baseline + STALLED_READERS);
        const rssBefore = server.rssBytes() ?? 0;
        let rssPeak = rssBefore;
        const started = Date.now();
        let posted = 0;
        while ((await openNow()) > baseline && posted < 40_000) {
          const batch = Array.from({ length: 20 }, (_, offset) => posted + offset);
          await Promise.all(
            batch.map((index) => publish(server, exercise, `${tag} ${index} ${'x'.repeat(900)}`)),
          );
          posted += batch.length;
          expect(await settlesAt(async () => honest.count(), posted), 'the reading client keeps up').toBe(
            posted,
          );
          rssPeak = Math.max(rssPeak, server.rssBytes() ?? 0);
        }
        const stillOpen = await openNow();
        for (const socket of stalled) socket.destroy();
        honest.close();
        console.log(
          `${exercise}: ${STALLED_READERS} stalled readers cut off after ${posted} messages ` +
            `(${((Date.now() - started) / 1000).toFixed(1)} s); RSS ${mb(rssBefore)} → peak ${mb(rssPeak)}`,
        );
        expect(stillOpen, 'every stalled reader was cut off').toBe(baseline);
        expect(honest.inOrder(), 'the reading client got each message once, in order').toBe(true);
        expect(rssPeak - rssBefore).toBeLessThan(MAX_FLOOD_RSS_GROWTH_BYTES);
        expect(server.isAlive, server.lastLines()).toBe(true);
      },
      SOAK_TIMEOUT_MS,
    );
  });

  describe('05: Redis restarts under the broker', () => {
    it(
      'the broker answers 503 while Redis is gone, publishes again once it is back, and never crashes',
      async () => {
        const redis = await RestartableRedis.start();
        const servers = await startPubSubServers({
          redisUrl: redis.url,
          env: { REDIS_KEY_PREFIX: `soak-${randomUUID().slice(0, 8)}` },
        });
        try {
          const recoveries: number[] = [];
          let resyncs = 0;
          for (let round = 0; round < 5; round += 1) {
            await redis.stop();
            const during = await publishToBroker(servers.broker, round);
            expect(during, 'a publish while Redis is gone').toBeGreaterThanOrEqual(500);
            const backAt = Date.now();
            await redis.startAgain();
            const status = await settlesAt(() => publishToBroker(servers.broker, round), 202, 20_000);
            expect(status, 'a publish once Redis is back').toBe(202);
            recoveries.push(Date.now() - backAt);
            resyncs += await receivesLiveMessage(servers, round);
          }
          console.log(
            `05 on Redis: published again ${recoveries.join(', ')} ms after each of 5 restarts; ` +
              `${resyncs} new subscriber(s) were sent off to resume (the broker's resync after Redis came back)`,
          );
          expect(servers.broker.isAlive, servers.broker.lastLines()).toBe(true);
          expect(servers.app.isAlive, servers.app.lastLines()).toBe(true);
        } finally {
          await servers.stop();
          await redis.stop();
        }
      },
      SOAK_TIMEOUT_MS,
    );
  });

  describe('05: brokers that crash while their members are present', () => {
    it(
      'the members of a killed broker leave presence within the presence TTL, five times over',
      async () => {
        const redis = await RestartableRedis.start();
        const expiries: number[] = [];
        try {
          for (let round = 0; round < 5; round += 1) {
            const servers = await startPubSubServers({
              redisUrl: redis.url,
              brokers: 2,
              env: { REDIS_KEY_PREFIX: `soak-${randomUUID().slice(0, 8)}`, PRESENCE_TTL_MS: '1500' },
            });
            const [survivor, doomed] = servers.brokers as [FaultServer, FaultServer];
            const watcherSession = await joinBoard(servers.app.url, 'Watcher');
            const watcher = await BrokerClient.connect(survivor.url, watcherSession.subscribeToken);
            await watcher.subscribe('ideas');
            const name = `Present on the doomed broker ${round}`;
            const member = await BrokerClient.connect(
              doomed.url,
              (await joinBoard(servers.app.url, name)).subscribeToken,
            );
            await member.subscribe('ideas');
            await watcher.waitFor(
              (m) => m.type === 'presence' && m.action === 'join' && m.entry.member.name === name,
              'the join',
            );
            await doomed.kill();
            const killedAt = Date.now();
            await watcher.waitFor(
              (m) => m.type === 'presence' && m.action === 'leave' && m.entry.member.name === name,
              'the leave of a member whose broker crashed',
              10_000,
            );
            expiries.push(Date.now() - killedAt);
            await watcher.close();
            await servers.app.stop();
            await survivor.stop();
          }
          console.log(`05 presence after a broker SIGKILL (TTL 1.5 s): left after ${expiries.join(', ')} ms`);
        } finally {
          await redis.stop();
        }
      },
      SOAK_TIMEOUT_MS,
    );
  });
});

/** A redis-server on a port of its own that can be stopped and started again on the same port. */
class RestartableRedis {
  readonly url: string;
  readonly #port: number;
  #process: ManagedProcess | undefined;

  private constructor(port: number) {
    this.#port = port;
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(): Promise<RestartableRedis> {
    const redis = new RestartableRedis(await findFreePort());
    await redis.startAgain();
    return redis;
  }

  async startAgain(): Promise<void> {
    this.#process = new ManagedProcess({
      label: 'redis-server',
      command: 'redis-server',
      args: ['--port', String(this.#port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'],
      cwd: process.cwd(),
      env: {},
    });
    await this.#process.waitForOutput(/Ready to accept connections/);
  }

  async stop(): Promise<void> {
    await this.#process?.kill();
  }
}

interface HonestReader {
  count(): number;
  inOrder(): boolean;
  close(): void;
}

/** A client that reads everything: counts the flood's messages and checks their order. */
async function honestReader(server: FaultServer, exercise: string, tag: string): Promise<HonestReader> {
  const numbers: number[] = [];
  const pattern = new RegExp(`${tag} (\\d+) `, 'g');
  const record = (text: string) => {
    for (const match of text.matchAll(pattern)) numbers.push(Number(match[1]));
  };
  const result = {
    count: () => numbers.length,
    inOrder: () => numbers.every((value, index) => value === index),
  };
  if (exercise.startsWith('04')) {
    const client = await connectChatClient(server.url);
    client.socket.on('message', (data) => record(data.toString()));
    return { ...result, close: () => client.close() };
  }
  const abort = new AbortController();
  const response = await fetch(`${server.url}/sse`, { signal: abort.signal });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let carry = '';
    for (;;) {
      const chunk = await reader?.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      // Frames end with a blank line: only whole frames are searched, so no number is counted twice.
      const text = carry + chunk.value;
      const end = text.lastIndexOf('\n\n');
      record(text.slice(0, end + 1));
      carry = text.slice(end + 1);
    }
  })();
  return { ...result, close: () => abort.abort() };
}

function publish(server: FaultServer, exercise: string, text: string) {
  if (exercise.startsWith('04'))
    return postJson(`${server.url}/messages`, { username: 'Flood', message: text });
  return postJson(`${server.url}/notifications`, { title: 'Flood', message: text });
}

/**
 * A subscriber that joins after Redis came back gets the next live message. The broker closes every client
 * once its own Redis subscription is back (they resume from the history), which may come a moment after
 * publishing works again: then the client connects again, as the page does. Resolves with those reconnects.
 */
async function receivesLiveMessage(servers: PubSubServers, round: number): Promise<number> {
  const session = await joinBoard(servers.app.url, `After restart ${round}`);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const subscriber = await BrokerClient.connect(servers.broker.url, session.subscribeToken);
    try {
      await subscriber.subscribe('ideas');
      expect(await publishToBroker(servers.broker, round)).toBe(202);
      await subscriber.waitFor((m) => m.type === 'message' && m.channel === 'ideas', 'a live message');
      await subscriber.close();
      return attempt;
    } catch (error) {
      if (!subscriber.isClosed) throw error;
    }
  }
  throw new Error('Five subscribers in a row were closed before a live message reached them.');
}

async function publishToBroker(broker: FaultServer, round: number): Promise<number> {
  const answer = await postJson(
    `${broker.url}/publish`,
    { channel: 'ideas', event: 'soak', data: { round } },
    { headers: { Authorization: `Bearer ${PUBLISHER_KEY}` } },
  );
  return answer.status;
}

async function statsNumber(server: FaultServer, field: string): Promise<number> {
  const answer = await loopbackRequest(`${server.url}/stats`);
  return Number((JSON.parse(answer.body) as Record<string, unknown>)[field]);
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
