// Promises of the reference broker and app backend (solutions/ only): credentials, authorization, bad
// input, resume without loss or doubles, presence expiry, and scale-out over Redis.
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { SignJWT } from 'jose';
import { BrokerClient, joinBoard, postJson } from './broker-client';
import {
  INSTRUCTOR_KEY,
  PUBLISHER_KEY,
  type PubSubStack,
  SUBSCRIBE_TOKEN_SECRET,
  startPubSubStack,
} from './pubsub-stack';
import { type OwnRedis, startOwnRedis, type TestRedis, useTestRedis } from './redis-server';

test.describe('one broker (embedded default)', () => {
  let stack: PubSubStack;
  const clients: BrokerClient[] = [];

  test.beforeAll(async () => {
    stack = await startPubSubStack({
      withPage: false,
      env: { HEARTBEAT_INTERVAL_MS: '300', HISTORY_SIZE: '5' },
    });
  });
  test.afterEach(async () => {
    const testInfo = test.info();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('server output', { body: stack.logs(), contentType: 'text/plain' });
    }
  });
  test.afterAll(async () => {
    await stack?.stop();
  });

  async function subscriber(name: string, channel = 'ideas'): Promise<BrokerClient> {
    const session = await joinBoard(stack.appUrl, name);
    const client = await BrokerClient.connect(session.brokerUrl, session.subscribeToken);
    clients.push(client);
    await client.subscribe(channel);
    return client;
  }

  const broker = () => stack.brokerUrls[0] ?? '';

  test('a publish without valid credentials gets 401 and reaches no one', async () => {
    const listener = await subscriber('Listener');
    const message = { channel: 'ideas', event: 'idea.created', data: { text: 'forged' } };
    expect((await postJson(`${broker()}/publish`, message)).status, 'no credentials').toBe(401);
    expect((await postJson(`${broker()}/publish`, message, 'wrong-key')).status, 'wrong key').toBe(401);
    const valid = await postJson(
      `${broker()}/publish`,
      { ...message, data: { text: 'real' } },
      PUBLISHER_KEY,
    );
    expect(valid.status, 'the publisher key works').toBe(202);
    await listener.waitFor((m) => m.type === 'message' && m.id === valid.body.id, 'the real message');
    const texts = listener.channelMessages('ideas').map((m) => (m.data as { text: string }).text);
    expect(texts, 'only the credentialed publish arrives').toEqual(['real']);
  });

  test('a subscription to a channel the token does not allow is refused', async () => {
    const session = await joinBoard(stack.appUrl, 'Curious');
    const client = await BrokerClient.connect(session.brokerUrl, session.subscribeToken);
    clients.push(client);
    client.send({ type: 'subscribe', channel: 'instructor-only' });
    const refusal = await client.waitFor((m) => m.type === 'error', 'an error');
    expect(refusal).toMatchObject({ type: 'error', code: 'forbidden', channel: 'instructor-only' });
    await postJson(`${broker()}/publish`, { channel: 'instructor-only', event: 'x', data: 1 }, PUBLISHER_KEY);
    await client.subscribe('ideas');
    expect(client.channelMessages('instructor-only'), 'nothing of the forbidden channel arrives').toEqual([]);

    const sse = await fetch(`${broker()}/events?token=${session.subscribeToken}&channel=instructor-only`);
    expect(sse.status, 'SSE refuses it too').toBe(403);
    await expect(BrokerClient.connect(broker(), 'not-a-token'), 'a bad token is refused').rejects.toThrow(
      /401/,
    );
    const expired = await new SignJWT({ name: 'Old', channels: ['ideas'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('old')
      .setIssuer('idea-board-app')
      .setAudience('idea-board-broker')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SUBSCRIBE_TOKEN_SECRET));
    const forever = await new SignJWT({ name: 'Forever', channels: ['ideas'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('forever')
      .setIssuer('idea-board-app')
      .setAudience('idea-board-broker')
      .sign(new TextEncoder().encode(SUBSCRIBE_TOKEN_SECRET));
    const foreverStream = await fetch(`${broker()}/events?token=${forever}&channel=ideas`);
    expect(foreverStream.status, 'a token without an expiry is refused').toBe(401);
    const expiredStream = await fetch(`${broker()}/events?token=${expired}&channel=ideas`);
    expect(expiredStream.status, 'an expired token is refused').toBe(401);
    expect(await expiredStream.json()).toEqual({ error: expect.stringMatching(/expired/) });
  });

  test('bad input gets a clear error and crashes neither broker nor app backend', async () => {
    const client = await subscriber('Fuzzer');
    for (const text of [
      'not json',
      '[]',
      '{"type":"dance"}',
      '{"type":"subscribe","channel":"a b"}',
      '{"type":"subscribe","channel":"ideas","since":"yesterday"}',
    ]) {
      client.sendRaw(text);
    }
    client.sendRaw(Buffer.from([1, 2, 3]));
    await expect
      .poll(() => client.messages.filter((m) => m.type === 'error').length, {
        message: 'one error per bad command',
      })
      .toBe(6);
    for (const error of client.messages.filter((m) => m.type === 'error')) {
      expect(error, 'every error says what to send').toMatchObject({
        code: 'bad-command',
        message: expect.any(String),
      });
    }

    const publish = (body: unknown, type = 'application/json') =>
      fetch(`${broker()}/publish`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${PUBLISHER_KEY}`, 'Content-Type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    expect((await publish('{oops')).status, 'broken JSON').toBe(400);
    expect((await publish({ channel: 'ideas' })).status, 'no event').toBe(400);
    expect((await publish({ channel: '../../etc', event: 'x', data: 1 })).status, 'bad channel').toBe(400);
    expect((await publish('hello', 'text/plain')).status, 'not JSON').toBe(415);
    expect(
      (await publish({ channel: 'ideas', event: 'x', data: 'x'.repeat(100_000) })).status,
      'too large',
    ).toBe(413);

    const session = await joinBoard(stack.appUrl, 'Ada');
    const api = (path: string) => `${stack.appUrl}${path}`;
    expect((await postJson(api('/api/session'), { name: '' })).status, 'empty name').toBe(400);
    expect((await postJson(api('/api/session'), '{"name":')).status, 'broken JSON').toBe(400);
    expect((await postJson(api('/api/ideas'), { text: 'no session' })).status, 'no session').toBe(401);
    expect((await postJson(api('/api/ideas'), { text: 'x'.repeat(281) }, session.sessionKey)).status).toBe(
      400,
    );
    expect((await postJson(api('/api/ideas'), { text: 'hi', extra: 1 }, session.sessionKey)).status).toBe(
      400,
    );
    expect(
      (await postJson(api('/api/round'), { phase: 'ideas' }, session.sessionKey)).status,
      'not instructor',
    ).toBe(401);
    expect((await postJson(api('/api/round'), { phase: 'nap' }, INSTRUCTOR_KEY)).status, 'bad phase').toBe(
      400,
    );
    const error = await postJson(api('/api/ideas'), { text: '   ' }, session.sessionKey);
    expect(error.body, 'errors are JSON with a reason').toEqual({ error: 'text must not be empty.' });

    expect((await fetch(`${broker()}/stats`)).status, 'the broker is still up').toBe(200);
    expect((await fetch(api('/api/board'))).status, 'the app backend is still up').toBe(200);
    expect(client.isClosed, 'the fuzzing connection stays open').toBe(false);
  });

  test('a broken handshake, aborted streams and a command flood leave the broker up and clean', async () => {
    const port = Number(new URL(broker()).port);
    const answer = await rawRequest(
      port,
      'GET //[::1 HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(answer, 'an unparseable request target is refused, not a crash').toMatch(/^HTTP\/1\.1 400|^$/);

    const session = await joinBoard(stack.appUrl, 'Impatient');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const controller = new AbortController();
      const request = fetch(`${broker()}/events?token=${session.subscribeToken}&channel=ideas`, {
        signal: controller.signal,
      }).catch(() => undefined);
      setTimeout(() => controller.abort(), attempt);
      await request;
    }
    const flooder = await BrokerClient.connect(session.brokerUrl, session.subscribeToken);
    for (let index = 0; index < 50; index += 1) flooder.send({ type: 'unsubscribe', channel: 'ideas' });
    await expect
      .poll(() => flooder.isClosed, { message: 'a command flood closes the connection' })
      .toBe(true);

    const stats = async () => (await (await fetch(`${broker()}/stats`)).json()) as { connections: number };
    await expect.poll(stats, { message: 'no connection left behind' }).toMatchObject({ connections: 0 });
    const watcher = await subscriber('Watcher');
    const presence = watcher.messages.find((m) => m.type === 'subscribed');
    expect(presence?.type === 'subscribed' && presence.presence.map((entry) => entry.member.name)).toEqual([
      'Watcher',
    ]);
  });

  test('a dropped subscriber resumes with nothing lost or doubled', async () => {
    const session = await joinBoard(stack.appUrl, 'Commuter');
    const first = await BrokerClient.connect(session.brokerUrl, session.subscribeToken);
    await first.subscribe('ideas');
    const publishIdea = (text: string) => postJson(`${stack.appUrl}/api/ideas`, { text }, session.sessionKey);
    await publishIdea('before the tunnel');
    const seen = await first.waitFor((m) => m.type === 'message', 'the first idea');
    first.terminate();

    for (const text of ['in the tunnel 1', 'in the tunnel 2', 'in the tunnel 3']) await publishIdea(text);
    const token = (await postJson(`${stack.appUrl}/api/token`, {}, session.sessionKey)).body
      .subscribeToken as string;
    const second = await BrokerClient.connect(session.brokerUrl, token);
    clients.push(second);
    second.send({ type: 'subscribe', channel: 'ideas', since: seen.type === 'message' ? seen.id : '' });
    await publishIdea('after the tunnel');
    await expect
      .poll(() => second.channelMessages('ideas').map((m) => (m.data as { text: string }).text))
      .toEqual(['in the tunnel 1', 'in the tunnel 2', 'in the tunnel 3', 'after the tunnel']);
    const ids = second.channelMessages('ideas').map((m) => m.id);
    expect(new Set(ids).size, 'no message twice').toBe(ids.length);
  });

  test('a subscriber whose position is older than the history hears history-lost', async () => {
    const session = await joinBoard(stack.appUrl, 'Sleeper');
    const first = await BrokerClient.connect(session.brokerUrl, session.subscribeToken);
    await first.subscribe('ideas');
    await postJson(`${stack.appUrl}/api/ideas`, { text: 'seen' }, session.sessionKey);
    const seen = await first.waitFor((m) => m.type === 'message', 'the idea');
    await first.close();
    // HISTORY_SIZE is 5 in this stack: six more push the seen one's successor out.
    for (let index = 0; index < 6; index += 1) {
      await postJson(`${stack.appUrl}/api/ideas`, { text: `missed ${index}` }, session.sessionKey);
    }
    const second = await BrokerClient.connect(session.brokerUrl, session.subscribeToken);
    clients.push(second);
    second.send({ type: 'subscribe', channel: 'ideas', since: seen.type === 'message' ? seen.id : '' });
    await second.waitFor((m) => m.type === 'history-lost' && m.channel === 'ideas', 'history-lost');
    expect(second.channelMessages('ideas'), 'no partial history that would look complete').toEqual([]);
  });

  test('GET /position names a since that misses nothing published after it (publisher key only)', async () => {
    await expectPositionResumes(stack.appUrl, broker());
  });

  test('data nested 5,000 levels deep is refused with 400; the next publish reaches everyone', async () => {
    await expectDeepDataRefused(stack.appUrl, broker());
  });

  test('a position the broker never gave out hears history-lost, and live messages still arrive', async () => {
    await expectFutureIdRefused(stack.appUrl, broker());
  });

  test('presence: join and leave, and a vanished client drops out within a bounded time', async () => {
    const watcher = await subscriber('Watcher');
    const session = await joinBoard(stack.appUrl, 'Ghost');
    const ghost = await BrokerClient.connect(session.brokerUrl, session.subscribeToken, { autoPong: false });
    clients.push(ghost);
    const subscribed = await ghost.subscribe('ideas');
    expect(subscribed.presence.map((entry) => entry.member.name).sort(), 'who is there now').toEqual(
      expect.arrayContaining(['Ghost', 'Watcher']),
    );
    await watcher.waitFor(
      (m) => m.type === 'presence' && m.action === 'join' && m.entry.member.name === 'Ghost',
      'Ghost joining',
    );
    // The ghost stops answering pings (a laptop lid closed on bad Wi-Fi); heartbeat is 300 ms here.
    const started = Date.now();
    await watcher.waitFor(
      (m) => m.type === 'presence' && m.action === 'leave' && m.entry.member.name === 'Ghost',
      'Ghost leaving',
      3_000,
    );
    expect(Date.now() - started, 'dropped within about two heartbeats').toBeLessThan(3_000);
  });

  test('SSE subscribers get the same messages and resume with Last-Event-ID', async () => {
    const session = await joinBoard(stack.appUrl, 'Listener');
    const controller = new AbortController();
    const response = await fetch(`${broker()}/events?token=${session.subscribeToken}&channel=ideas`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const posted = await postJson(`${stack.appUrl}/api/ideas`, { text: 'over SSE' }, session.sessionKey);
    const text = await readUntil(response, '"over SSE"');
    controller.abort();
    expect(text, 'the subscription is confirmed').toContain('event: subscribed');
    expect(text).toMatch(/id: [a-z0-9]+-\d+\nevent: message\ndata: \{"type":"message","channel":"ideas"/);
    const lastId = /id: (\S+)\nevent: message/.exec(text)?.[1] ?? '';
    expect(posted.status).toBe(201);

    await postJson(`${stack.appUrl}/api/ideas`, { text: 'while away' }, session.sessionKey);
    const resumed = new AbortController();
    const again = await fetch(`${broker()}/events?token=${session.subscribeToken}&channel=ideas`, {
      headers: { 'Last-Event-ID': lastId },
      signal: resumed.signal,
    });
    const replay = await readUntil(again, '"while away"');
    resumed.abort();
    expect(replay, 'only what was missed').not.toContain('"over SSE"');
  });
});

test.describe('two brokers on Redis', () => {
  let redis: TestRedis;
  let stack: PubSubStack;
  const clients: BrokerClient[] = [];

  test.beforeAll(async () => {
    redis = await useTestRedis();
    stack = await startPubSubStack({
      withPage: false,
      brokerCount: 2,
      redisUrl: redis.url,
      env: { PRESENCE_TTL_MS: '1500' },
    });
  });
  test.afterEach(async () => {
    const testInfo = test.info();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('server output', { body: stack.logs(), contentType: 'text/plain' });
    }
  });
  test.afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  async function subscriberOn(brokerUrl: string, name: string): Promise<BrokerClient> {
    const session = await joinBoard(stack.appUrl, name);
    const client = await BrokerClient.connect(brokerUrl, session.subscribeToken);
    clients.push(client);
    await client.subscribe('ideas');
    return client;
  }

  test('a publish to one instance reaches the subscribers of both, with presence across them', async () => {
    const [first, second] = stack.brokerUrls as [string, string];
    const onFirst = await subscriberOn(first, 'On first');
    const onSecond = await subscriberOn(second, 'On second');
    await onFirst.waitFor(
      (m) => m.type === 'presence' && m.action === 'join' && m.entry.member.name === 'On second',
      'presence from the other instance',
    );
    const published = await postJson(
      `${second}/publish`,
      { channel: 'ideas', event: 'idea.created', data: { text: 'hello' } },
      PUBLISHER_KEY,
    );
    expect(published.status).toBe(202);
    for (const client of [onFirst, onSecond]) {
      const message = await client.waitFor((m) => m.type === 'message', 'the message');
      expect(message).toMatchObject({ id: published.body.id, data: { text: 'hello' } });
    }
  });

  test('a subscriber resumes on the other instance with nothing lost or doubled', async () => {
    const [first, second] = stack.brokerUrls as [string, string];
    const session = await joinBoard(stack.appUrl, 'Roamer');
    const onFirst = await BrokerClient.connect(first, session.subscribeToken);
    await onFirst.subscribe('ideas');
    await postJson(`${stack.appUrl}/api/ideas`, { text: 'one' }, session.sessionKey);
    const seen = await onFirst.waitFor((m) => m.type === 'message', 'the first idea');
    onFirst.terminate();
    await postJson(`${stack.appUrl}/api/ideas`, { text: 'two' }, session.sessionKey);
    const onSecond = await BrokerClient.connect(second, session.subscribeToken);
    clients.push(onSecond);
    onSecond.send({ type: 'subscribe', channel: 'ideas', since: seen.type === 'message' ? seen.id : '' });
    await postJson(`${stack.appUrl}/api/ideas`, { text: 'three' }, session.sessionKey);
    await expect
      .poll(() => onSecond.channelMessages('ideas').map((m) => (m.data as { text: string }).text))
      .toEqual(['two', 'three']);
  });

  test('GET /position on one instance names a since that misses nothing published on the other', async () => {
    await expectPositionResumes(stack.appUrl, stack.brokerUrls[0] as string, stack.brokerUrls[1] as string);
  });

  test('data nested 5,000 levels deep is refused with 400 before Redis stores it', async () => {
    await expectDeepDataRefused(stack.appUrl, stack.brokerUrls[0] as string);
  });

  test('a position no instance gave out hears history-lost, and live messages still arrive', async () => {
    await expectFutureIdRefused(stack.appUrl, stack.brokerUrls[1] as string);
  });

  // Last: it kills the second broker.
  test('the members of a broker that crashed drop out of presence within the presence TTL', async () => {
    const [first, second] = stack.brokerUrls as [string, string];
    const watcher = await subscriberOn(first, 'Watcher');
    const session = await joinBoard(stack.appUrl, 'On the crashing broker');
    const doomed = await BrokerClient.connect(second, session.subscribeToken);
    await doomed.subscribe('ideas');
    await watcher.waitFor(
      (m) => m.type === 'presence' && m.action === 'join' && m.entry.member.name === 'On the crashing broker',
      'the join',
    );
    await stack.killBroker(1);
    // PRESENCE_TTL_MS is 1.5 s here: the surviving broker sweeps the entries nobody refreshes any more.
    await watcher.waitFor(
      (m) =>
        m.type === 'presence' && m.action === 'leave' && m.entry.member.name === 'On the crashing broker',
      'the leave of a member whose broker crashed',
      5_000,
    );
    const now = await postJson(
      `${first}/publish`,
      { channel: 'ideas', event: 'ping', data: 1 },
      PUBLISHER_KEY,
    );
    expect(now.status, 'the surviving broker still publishes').toBe(202);
  });
});

/** Sends raw bytes and returns what comes back before the server closes (or 2 s pass). */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, 'localhost', () => socket.write(text));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.setTimeout(2_000, () => socket.destroy());
  });
}

async function readUntil(response: Response, needle: string, timeoutMs = 5_000): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error('No response body.');
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  while (!text.includes(needle)) {
    if (Date.now() > deadline) throw new Error(`"${needle}" did not arrive. Got:\n${text}`);
    const { value, done } = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`"${needle}" did not arrive. Got:\n${text}`)), timeoutMs),
      ),
    ]);
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => {});
  return text;
}

/**
 * A subscriber that sends an id beyond the newest (the current epoch, a sequence from the future) must hear
 * history-lost: trusting the id would make the broker treat every later message as already seen.
 */
async function expectFutureIdRefused(appUrl: string, brokerUrl: string): Promise<void> {
  const session = await joinBoard(appUrl, 'Time traveller');
  const first = await BrokerClient.connect(brokerUrl, session.subscribeToken);
  await first.subscribe('ideas');
  await postJson(`${appUrl}/api/ideas`, { text: 'now' }, session.sessionKey);
  const seen = await first.waitFor((m) => m.type === 'message', 'the idea');
  await first.close();
  const [epoch, sequence] = (seen.type === 'message' ? seen.id : '').split('-');
  const future = `${epoch}-${Number(sequence) + 1_000}`;

  // The very next id first: each round publishes one more message, which makes it a real id.
  for (const since of [`${epoch}-${Number(sequence) + 1}`, future]) {
    const client = await BrokerClient.connect(brokerUrl, session.subscribeToken);
    try {
      client.send({ type: 'subscribe', channel: 'ideas', since });
      await client.waitFor(
        (m) => m.type === 'history-lost' && m.channel === 'ideas',
        `history-lost for ${since}`,
      );
      await postJson(`${appUrl}/api/ideas`, { text: `live after ${since}` }, session.sessionKey);
      await client.waitFor(
        (m) => m.type === 'message' && (m.data as { text?: string }).text === `live after ${since}`,
        'the next live idea',
      );
    } finally {
      await client.close();
    }
  }

  const stream = new AbortController();
  const response = await fetch(`${brokerUrl}/events?token=${session.subscribeToken}&channel=ideas`, {
    headers: { 'Last-Event-ID': future },
    signal: stream.signal,
  });
  try {
    const text = await readUntil(response, 'event: history-lost');
    expect(text, 'SSE resumes with Last-Event-ID the same way').toContain('event: history-lost');
  } finally {
    stream.abort();
  }
}

/**
 * Data too deep to encode must be refused at the door: stored first, it broke every later publish (Redis's
 * cjson) or every resume across it (JSON.stringify in memory).
 */
async function expectDeepDataRefused(appUrl: string, brokerUrl: string): Promise<void> {
  const session = await joinBoard(appUrl, 'Deep diver');
  const client = await BrokerClient.connect(brokerUrl, session.subscribeToken);
  try {
    await client.subscribe('ideas');
    // Written as text: JSON.stringify itself overflows the stack on data this deep.
    const body = `{"channel":"ideas","event":"x","data":${'{"data":'.repeat(5_000)}"deep"${'}'.repeat(5_000)}}`;
    const refused = await fetch(`${brokerUrl}/publish`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${PUBLISHER_KEY}`, 'Content-Type': 'application/json' },
      body,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/at most 32 levels/);
    const next = await postJson(
      `${brokerUrl}/publish`,
      { channel: 'ideas', event: 'x', data: { text: 'after the deep one' } },
      PUBLISHER_KEY,
    );
    expect(next.status).toBe(202);
    const message = await client.waitFor((m) => m.type === 'message', 'the next message');
    expect(message).toMatchObject({ id: next.body.id, data: { text: 'after the deep one' } });
  } finally {
    await client.close();
  }
}

/**
 * The app asks `GET /position` before its first publish, so its snapshot names where a new page subscribes from:
 * whatever is published after that reaches the page, even if it comes before the subscription does.
 */
async function expectPositionResumes(
  appUrl: string,
  brokerUrl: string,
  publishUrl = brokerUrl,
): Promise<void> {
  expect((await fetch(`${brokerUrl}/position`)).status, 'without the publisher key').toBe(401);
  const answer = await fetch(`${brokerUrl}/position`, {
    headers: { Authorization: `Bearer ${PUBLISHER_KEY}` },
  });
  expect(answer.status).toBe(200);
  const { lastEventId } = (await answer.json()) as { lastEventId: string };
  expect(lastEventId).toMatch(/^[a-z0-9]+-\d+$/);

  const published = await postJson(
    `${publishUrl}/publish`,
    { channel: 'ideas', event: 'idea.created', data: { text: 'between snapshot and subscribe' } },
    PUBLISHER_KEY,
  );
  const session = await joinBoard(appUrl, 'Latecomer');
  const client = await BrokerClient.connect(brokerUrl, session.subscribeToken);
  try {
    client.send({ type: 'subscribe', channel: 'ideas', since: lastEventId });
    const message = await client.waitFor(
      (m) => m.type === 'message',
      'the idea published before subscribing',
    );
    expect(message).toMatchObject({
      id: published.body.id,
      data: { text: 'between snapshot and subscribe' },
    });
  } finally {
    await client.close();
  }
}

test.describe('one broker on a Redis that stops answering', () => {
  let redis: OwnRedis;
  let stack: PubSubStack;
  const clients: BrokerClient[] = [];

  test.beforeAll(async () => {
    redis = await startOwnRedis();
    // A presence entry lives longer than the outage: a ghost would still count when Redis is back.
    stack = await startPubSubStack({
      withPage: false,
      redisUrl: redis.url,
      env: { PRESENCE_TTL_MS: '60000' },
    });
  });
  test.afterEach(async () => {
    redis?.resume();
    const testInfo = test.info();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('server output', { body: stack.logs(), contentType: 'text/plain' });
    }
  });
  test.afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  test('a subscribe during the outage hears unavailable promptly, and leaves no ghost in presence', async () => {
    const brokerUrl = stack.brokerUrls[0] as string;
    const ghostSession = await joinBoard(stack.appUrl, 'Ghost');
    redis.pause();
    const ghost = await BrokerClient.connect(brokerUrl, ghostSession.subscribeToken);
    ghost.send({ type: 'subscribe', channel: 'ideas' });
    const refused = await ghost.waitFor(
      (m) => m.type === 'error' && m.code === 'unavailable',
      '"unavailable" while Redis does not answer',
      10_000,
    );
    expect(refused).toMatchObject({ channel: 'ideas' });
    await ghost.close();
    redis.resume();

    // Commands run in order on the broker's one Redis connection: once this publish is through, so is
    // everything the broker queued for the ghost while Redis was away.
    const published = await postJson(
      `${brokerUrl}/publish`,
      { channel: 'ideas', event: 'x', data: { text: 'Redis is back' } },
      PUBLISHER_KEY,
    );
    expect(published.status).toBe(202);
    const session = await joinBoard(stack.appUrl, 'Witness');
    const witness = await BrokerClient.connect(brokerUrl, session.subscribeToken);
    clients.push(witness);
    const subscribed = await witness.subscribe('ideas');
    expect(
      subscribed.presence.map((entry) => entry.member.name),
      'nobody who left is shown',
    ).toEqual(['Witness']);
  });
});
