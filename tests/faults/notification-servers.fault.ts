// Scripted attacks on the notification servers of exercises 01–03 (solutions/), as `pnpm dev` starts them:
// each check asserts that the server lives on, keeps its memory, and still serves an honest device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSendFrom, loopbackRequest, postJson } from '../harness/loopback-request';
import { sendBadBodies, unclearAnswers } from './bad-bodies';
import { type FaultServer, startSolutionServer } from './fault-server';
import { CHECK_TIMEOUT_MS, CHURN_COUNT, CHURN_PARALLEL, MAX_RSS_GROWTH_BYTES } from './fault-soak';
import { describeRefusal, floodUntilRefused } from './publish-flood';
import {
  churnStreams,
  MAX_SECOND_HALF_GROWTH_BYTES,
  type RawStreamRequest,
  secondHalfGrowth,
} from './raw-stream';

// Every attack plays several devices (127.0.0.2 and up); macOS has only 127.0.0.1 without an alias.
const LOOPBACK_ALIASES = await canSendFrom('127.0.0.2');

/** Each attack from an address of its own, so one attack's limit does not decide another's check. */
const HONEST_DEVICE = '127.0.0.2';
const BAD_INPUT_SENDER = '127.0.0.3';
const FLOODER = '127.0.0.4';
/** The servers' default: 30 notifications per 10 s per address. */
const PUBLISH_LIMIT = 30;

interface NotificationTarget {
  exercise: string;
  env: Record<string, string>;
  /** The stream a page holds open, and the /stats field that counts it; 01's polls hold nothing. */
  stream?: { request: (server: FaultServer) => Promise<RawStreamRequest>; statsField: string };
}

const targets: NotificationTarget[] = [
  { exercise: '01-short-polling', env: {} },
  {
    exercise: '02-long-polling',
    // Quiet, so a held poll is not answered by a random notification while the test counts it.
    env: { DEMO_NOTIFICATIONS: 'off' },
    stream: {
      request: async (server) => ({
        path: `/api/notifications/updates?since=${await currentCursor(server)}`,
      }),
      statsField: 'waitingRequests',
    },
  },
  {
    exercise: '03-sse-notifications',
    env: {},
    stream: { request: async () => ({ path: '/sse' }), statsField: 'openStreams' },
  },
];

describe.skipIf(!LOOPBACK_ALIASES).each(targets)('$exercise (reference server)', (target) => {
  let server: FaultServer;
  let rssAtStart: number | undefined;

  beforeAll(async () => {
    server = await startSolutionServer(target.exercise, { env: target.env });
    rssAtStart = server.rssBytes();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('answers every bad body with a 4xx and a JSON error, and still takes an honest notification', async () => {
    const answers = await sendBadBodies(`${server.url}/notifications`, { from: BAD_INPUT_SENDER });
    expect(unclearAnswers(answers), 'answers without a 4xx and a JSON error').toEqual([]);
    expect(server.isAlive, server.lastLines()).toBe(true);
    const honest = await postJson(
      `${server.url}/notifications`,
      { title: 'Honest', message: 'after the bad ones' },
      { from: HONEST_DEVICE },
    );
    expect(honest.status).toBe(201);
  });

  it('meets a publish flood from one address with 429, and another device still publishes and reads', async () => {
    const flood = await floodUntilRefused(
      `${server.url}/notifications`,
      (index) => ({ title: `Flood ${index}`, message: 'from a script in a loop' }),
      { from: FLOODER, maxAttempts: PUBLISH_LIMIT * 10 },
    );
    expect(flood.accepted, 'published before the limit').toBe(PUBLISH_LIMIT);
    const refusal = describeRefusal(flood.refused);
    expect(refusal.status).toBe(429);
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal.error).toMatch(/Too many notifications from your address: at most 30 per 10 s/);

    const honest = await postJson(
      `${server.url}/notifications`,
      { title: 'Honest after the flood', message: 'another device in the room' },
      { from: HONEST_DEVICE },
    );
    expect(honest.status, 'another address may still publish').toBe(201);
    const list = await loopbackRequest(`${server.url}${listPath(target.exercise)}`, { from: FLOODER });
    expect(list.status, 'the flooder may still read').toBe(200);
    expect(list.body).toContain('Honest after the flood');
  });

  it.runIf(target.stream)(
    `opens and drops ${CHURN_COUNT} streams, and counts none of them afterwards`,
    async () => {
      const stream = target.stream;
      if (!stream) return;
      const churn = await churnStreams(server.url, await stream.request(server), {
        count: CHURN_COUNT,
        batch: CHURN_PARALLEL,
        openNow: () => statsNumber(server, stream.statsField),
        rss: () => server.rssBytes(),
      });
      expect(churn.problems).toEqual([]);
      expect(secondHalfGrowth(churn), 'memory the second half of the churn added').toBeLessThan(
        MAX_SECOND_HALF_GROWTH_BYTES,
      );
    },
    CHECK_TIMEOUT_MS,
  );

  it('is alive after every attack, and its memory grew by less than 64 MB', () => {
    expect(server.isAlive, server.lastLines()).toBe(true);
    const rssNow = server.rssBytes();
    if (rssAtStart === undefined || rssNow === undefined) return;
    expect(rssNow - rssAtStart).toBeLessThan(MAX_RSS_GROWTH_BYTES);
  });
});

/** Where a page reads the list: 01 polls /api/notifications, 02 and 03 list it at /notifications. */
function listPath(exercise: string): string {
  return exercise.startsWith('01') ? '/api/notifications' : '/notifications';
}

async function currentCursor(server: FaultServer): Promise<string> {
  const answer = await loopbackRequest(`${server.url}/api/notifications/updates`);
  return (JSON.parse(answer.body) as { cursor: string }).cursor;
}

async function statsNumber(server: FaultServer, field: string): Promise<number> {
  const answer = await loopbackRequest(`${server.url}/stats`);
  return Number((JSON.parse(answer.body) as Record<string, unknown>)[field]);
}
