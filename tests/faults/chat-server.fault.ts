// Scripted attacks on exercise 04's chat server (solutions/), over WebSocket and as the SSE variant: each
// check asserts that the server lives on, keeps its memory, and still serves an honest device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChatClient } from '../04-websocket-chat/node-websocket';
import { canSendFrom, loopbackRequest, postJson } from '../harness/loopback-request';
import { sendBadBodies, unclearAnswers } from './bad-bodies';
import { type FaultServer, startSolutionServer } from './fault-server';
import { CHECK_TIMEOUT_MS, CHURN_COUNT, CHURN_PARALLEL, MAX_RSS_GROWTH_BYTES } from './fault-soak';
import { describeRefusal, floodUntilRefused } from './publish-flood';
import { churnStreams, MAX_SECOND_HALF_GROWTH_BYTES, secondHalfGrowth } from './raw-stream';

// Every attack plays several devices (127.0.0.2 and up); macOS has only 127.0.0.1 without an alias.
const LOOPBACK_ALIASES = await canSendFrom('127.0.0.2');

const HONEST_DEVICE = '127.0.0.2';
const BAD_INPUT_SENDER = '127.0.0.3';
const FLOODER = '127.0.0.4';
/** The server's default: 100 posts per 10 s per address. */
const POST_LIMIT = 100;
/** The server's budget per WebSocket connection. */
const MESSAGES_PER_SECOND = 20;

describe.skipIf(!LOOPBACK_ALIASES).each([
  { variant: '', transport: 'WebSocket' },
  { variant: 'sse', transport: 'SSE variant' },
])('04-websocket-chat, $transport (reference server)', ({ variant }) => {
  let server: FaultServer;
  let rssAtStart: number | undefined;

  beforeAll(async () => {
    server = await startSolutionServer('04-websocket-chat', { variant });
    rssAtStart = server.rssBytes();
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('answers every bad body on POST /messages with a 4xx and a JSON error, and still takes an honest one', async () => {
    const answers = await sendBadBodies(`${server.url}/messages`, { from: BAD_INPUT_SENDER });
    expect(unclearAnswers(answers), 'answers without a 4xx and a JSON error').toEqual([]);
    const honest = await postJson(
      `${server.url}/messages`,
      { username: 'Ada', message: 'after the bad ones' },
      { from: HONEST_DEVICE },
    );
    expect(honest.status).toBe(201);
  });

  it('meets a POST flood from one address with 429, and another device still posts', async () => {
    const flood = await floodUntilRefused(
      `${server.url}/messages`,
      (index) => ({ username: 'Script', message: `flood ${index}` }),
      { from: FLOODER, maxAttempts: POST_LIMIT * 3 },
    );
    expect(flood.accepted, 'posted before the limit').toBe(POST_LIMIT);
    const refusal = describeRefusal(flood.refused);
    expect(refusal.status).toBe(429);
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal.error).toMatch(/Too many messages from your address: at most 100 per 10 s/);
    const honest = await postJson(
      `${server.url}/messages`,
      { username: 'Grace', message: 'after the flood' },
      { from: HONEST_DEVICE },
    );
    expect(honest.status, 'another address may still post').toBe(201);
  });

  it(
    `opens and drops ${CHURN_COUNT} connections, and counts none of them afterwards`,
    async () => {
      const churn = await churnStreams(
        server.url,
        variant === 'sse' ? { path: '/events' } : { path: '/', webSocket: true },
        {
          count: CHURN_COUNT,
          batch: CHURN_PARALLEL,
          openNow: () => openConnections(server),
          rss: () => server.rssBytes(),
        },
      );
      expect(churn.problems).toEqual([]);
      expect(secondHalfGrowth(churn), 'memory the second half of the churn added').toBeLessThan(
        MAX_SECOND_HALF_GROWTH_BYTES,
      );
    },
    CHECK_TIMEOUT_MS,
  );

  it.runIf(variant === '')(
    'closes a WebSocket that sends faster than its budget with 1008, and the room chats on',
    async () => {
      const reader = await connectChatClient(server.url);
      const script = await connectChatClient(server.url);
      for (let index = 0; index < MESSAGES_PER_SECOND * 3; index += 1) {
        script.sendJson({ event: 'chat', data: { username: 'Script', message: `burst ${index}` } });
      }
      expect(await script.closed).toBe(1008);
      const honest = await connectChatClient(server.url);
      honest.sendJson({ event: 'chat', data: { username: 'Ada', message: 'after the burst' } });
      await reader.waitFor((envelope) => JSON.stringify(envelope.data).includes('after the burst'));
      const bursts = reader.received.filter((envelope) => JSON.stringify(envelope.data).includes('burst '));
      expect(bursts.length, 'the room got at most one second’s budget').toBeLessThanOrEqual(
        MESSAGES_PER_SECOND,
      );
      reader.close();
      honest.close();
    },
  );

  it('is alive after every attack, and its memory grew by less than 64 MB', () => {
    expect(server.isAlive, server.lastLines()).toBe(true);
    const rssNow = server.rssBytes();
    if (rssAtStart === undefined || rssNow === undefined) return;
    expect(rssNow - rssAtStart).toBeLessThan(MAX_RSS_GROWTH_BYTES);
  });
});

async function openConnections(server: FaultServer): Promise<number> {
  const answer = await loopbackRequest(`${server.url}/stats`);
  return (JSON.parse(answer.body) as { openConnections: number }).openConnections;
}
