// What the reference server and client of exercise 04 promise beyond the task. Runs against solutions/ only.
import { captureStream } from '../03-sse-notifications/event-stream-reader';
import { fullChromiumLaunchOptions } from '../harness/chromium';
import { test as exerciseTest, expect } from '../harness/exercise-test';
import { canSendFrom, NO_SECOND_DEVICE, postJson } from '../harness/loopback-request';
import { runClockUntil } from '../harness/page-clock';
import { chatPage, uniqueTag } from './chat-page';
import { isMessageEnvelope, sseTransport, websocketTransport } from './chat-transports';
import { connectChatClient, firstPing, handshakeStatus, type NodeChatClient } from './node-websocket';
import { floodUntilCutOff, openConnections, openStalledClient, postMessage } from './stalled-client';

const HEARTBEAT_MS = 1_000;
/** Above a full `chat.initial` (100 messages of about 1 KB here), far below the flood test's 2 MB. */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** The server's maxPayload (server/websocket-server.ts). */
const MAX_PAYLOAD_BYTES = 16 * 1024;

exerciseTest.use({ exerciseName: '04-websocket-chat', proxyStudentServer: true });

// serverEnv is set per test kind, not with test.use: a file-wide test.use would override slowHeartbeatTest's.
const test = exerciseTest.extend({
  serverEnv: {
    HEARTBEAT_INTERVAL_MS: String(HEARTBEAT_MS),
    MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES),
    SSE_KEEP_ALIVE_MS: '500',
  },
});

/** The same servers, started as the SSE variant (`server/index.sse.ts`). */
const sseTest = test.extend({ variant: 'sse' });
/** The SSE variant with a limit of 3 posts per address, so the fourth is refused. */
const POST_LIMIT = 3;
const sseLimitTest = exerciseTest.extend({
  variant: 'sse',
  // Straight to your server: behind the test's proxy every post would come from the proxy's address.
  proxyStudentServer: false,
  serverEnv: { POST_RATE_LIMIT_MAX_REQUESTS: String(POST_LIMIT) },
});
/** The same servers with a heartbeat of a minute: only backpressure can cut a stalled client off then. */
const slowHeartbeatTest = test.extend({
  serverEnv: {
    HEARTBEAT_INTERVAL_MS: '60000',
    MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES),
    // The flood posts thousands of messages from this one address.
    POST_RATE_LIMIT_MAX_REQUESTS: '1000000',
  },
});
// The full browser (the headless shell never restores from the cache), with the cache Playwright turns off.
const bfcacheTest = test.extend({
  launchOptions: async ({ launchOptions: _headless }, use) => {
    await use({ ...fullChromiumLaunchOptions(), ignoreDefaultArgs: ['--disable-back-forward-cache'] });
  },
});

interface WebSocketOpenings {
  webSocketOpenings: { url: string; at: number }[];
}

/** Runs in the page before its scripts: notes the time (performance.now) at which each WebSocket is created. */
function recordWebSocketOpenings() {
  const openings: { url: string; at: number }[] = [];
  const NativeWebSocket = window.WebSocket;
  class RecordedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      openings.push({ url: this.url, at: performance.now() });
    }
  }
  Object.assign(window, { webSocketOpenings: openings, WebSocket: RecordedWebSocket });
}

function chatEnvelope(username: unknown, message: unknown) {
  return { event: 'chat', data: { username, message } };
}

async function nextError(client: NodeChatClient, after: number): Promise<string> {
  const error = await client.waitFor(
    (envelope) => envelope.event === 'error' && client.received.indexOf(envelope) >= after,
  );
  return (error.data as { reason: string }).reason;
}

test('the task card names the ws:// addresses the page really uses', async ({ page, exercise }) => {
  await page.goto(exercise.pageUrl);
  const card = page.locator('.task-card');
  await expect(card).toContainText(exercise.referenceUrl.replace(/^http/, 'ws'));
  await expect(card).toContainText(exercise.studentUrlForPage.replace(/^http/, 'ws'));
});

test.describe('WebSocket server', () => {
  test('answers every kind of bad input with an error event and a reason, and keeps the connection', async ({
    exercise,
  }) => {
    const client = await connectChatClient(exercise.studentUrl, { origin: exercise.pageUrl });
    const cases: [string, string | Buffer, RegExp][] = [
      ['malformed JSON', '{"event": "chat", ', /not valid JSON/],
      ['a JSON array', '[1, 2]', /JSON object/],
      ['no event', '{"data": {}}', /event must be a string/],
      ['an unknown event', '{"event": "chat.delete", "data": {"id": "1"}}', /Unknown event "chat.delete"/],
      [
        'an unknown envelope field',
        JSON.stringify({ ...chatEnvelope('Ada', 'x'), admin: true }),
        /Unknown field/,
      ],
      ['no data', '{"event": "chat"}', /JSON object/],
      ['a number as message', JSON.stringify(chatEnvelope('Ada', 42)), /message must be a string/],
      ['an empty username', JSON.stringify(chatEnvelope('   ', 'x')), /username must not be empty/],
      ['a username on two lines', JSON.stringify(chatEnvelope('Ada\nAdmin', 'x')), /one line/],
      ['a username too long', JSON.stringify(chatEnvelope('a'.repeat(41), 'x')), /at most 40/],
      ['a message too long', JSON.stringify(chatEnvelope('Ada', 'm'.repeat(1001))), /at most 1000/],
      [
        'a timestamp from the client',
        JSON.stringify({ event: 'chat', data: { username: 'Ada', message: 'x', timestamp: '1999' } }),
        /Unknown field "timestamp"/,
      ],
      ['a binary message', Buffer.from([0x7b, 0x7d]), /text/],
    ];
    for (const [name, payload, reason] of cases) {
      const before = client.received.length;
      client.socket.send(payload);
      expect(await nextError(client, before), name).toMatch(reason);
    }
    expect(client.socket.readyState, 'the connection stays open').toBe(client.socket.OPEN);

    const text = `  still chatting ${uniqueTag()}  `;
    client.sendJson(chatEnvelope('  Ada  ', text));
    const echoed = await client.waitFor((envelope) => isMessageEnvelope(envelope, text.trim()));
    expect(echoed.data).toMatchObject({ username: 'Ada', message: text.trim() });
    expect((await fetch(exercise.studentUrl)).status, 'the server is still up').toBe(200);
    client.close();
  });

  test('sets id and timestamp itself and sends each new message to every client once', async ({
    exercise,
  }) => {
    const clients = await Promise.all([1, 2, 3].map(() => connectChatClient(exercise.studentUrl)));
    const startedAt = Date.now();
    const text = `one for all ${uniqueTag()}`;
    clients[0]?.sendJson(chatEnvelope('Ada', text));
    for (const client of clients) await client.waitFor((envelope) => isMessageEnvelope(envelope, text));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const copies = clients.map((client) =>
      client.received.filter((envelope) => isMessageEnvelope(envelope, text)),
    );
    for (const received of copies) expect(received, 'exactly one copy per client').toHaveLength(1);
    const message = copies[0]?.[0]?.data as { id: string; timestamp: string };
    expect(message.id).toMatch(/\S/);
    expect(message.timestamp).toBe(new Date(message.timestamp).toISOString());
    expect(Math.abs(Date.parse(message.timestamp) - startedAt)).toBeLessThan(10_000);
    for (const client of clients) client.close();
  });

  test(`closes with 1009 when a message exceeds maxPayload (${MAX_PAYLOAD_BYTES} bytes)`, async ({
    exercise,
  }) => {
    const bystander = await connectChatClient(exercise.studentUrl);
    const client = await connectChatClient(exercise.studentUrl);
    client.socket.send('x'.repeat(MAX_PAYLOAD_BYTES + 1));
    expect(await client.closed).toBe(1009);
    expect(bystander.socket.readyState, 'other clients stay connected').toBe(bystander.socket.OPEN);
    bystander.close();
  });

  test('refuses the handshake for origins that are not allowed (cross-site WebSocket hijacking)', async ({
    exercise,
  }) => {
    expect(await handshakeStatus(exercise.studentUrl, 'https://evil.example')).toBe(403);
    expect(await handshakeStatus(exercise.studentUrl, 'null')).toBe(403);
    expect(await handshakeStatus(exercise.studentUrl, exercise.pageUrl)).toBe(101);
    const tool = await connectChatClient(exercise.studentUrl);
    await tool.waitFor((envelope) => envelope.event === 'chat.initial');
    tool.close();
  });

  test('pings every client and cuts off one that stops answering', async ({ exercise }) => {
    const silent = await connectChatClient(exercise.studentUrl, { autoPong: false });
    const answering = await connectChatClient(exercise.studentUrl);
    // Started now and awaited after: the tick that cuts `silent` off may be the one that pings `answering` first.
    const pinged = firstPing(answering, 4 * HEARTBEAT_MS + 2_000);
    const startedAt = Date.now();
    expect(await silent.closed, 'cut off without a closing handshake').toBe(1006);
    expect(Date.now() - startedAt, 'within about two heartbeats').toBeLessThan(4 * HEARTBEAT_MS + 2_000);
    expect(await pinged, 'the answering client is pinged too').toBe(true);
    expect(answering.socket.readyState).toBe(answering.socket.OPEN);
    answering.close();
  });

  test('leaves no connection behind when clients go away', async ({ exercise }) => {
    // Connections of earlier checks may still be closing: the count can only fall from `baseline` on its own.
    const baseline = await openConnections(exercise.studentUrl);
    const clients = await Promise.all(
      Array.from({ length: 20 }, () => connectChatClient(exercise.studentUrl)),
    );
    await expect.poll(() => openConnections(exercise.studentUrl)).toBeGreaterThanOrEqual(20);
    for (const [index, client] of clients.entries()) {
      // Half say goodbye, half just vanish.
      if (index % 2 === 0) client.close();
      else client.socket.terminate();
    }
    await expect.poll(() => openConnections(exercise.studentUrl)).toBeLessThanOrEqual(Math.min(baseline, 19));
  });
});

// The heartbeat would cut a stalled client off too (it cannot answer pings), so this check has servers of its own.
test.describe('WebSocket server without a heartbeat in sight', () => {
  slowHeartbeatTest(
    'disconnects a client that stops reading, without holding up the others',
    async ({ exercise }) => {
      // A server of its own: no connection of an earlier check is still closing, so the counts are exact.
      expect(await openConnections(exercise.studentUrl)).toBe(0);
      const reader = await connectChatClient(exercise.studentUrl);
      const stalled = await openStalledClient(exercise.studentUrl);
      expect(await openConnections(exercise.studentUrl)).toBe(2);

      const connections = await floodUntilCutOff(exercise.studentUrl, reader, 2);
      expect(connections, 'the stalled client is cut off, the reading one stays').toBe(1);
      expect(reader.socket.readyState, 'the reading client stays connected').toBe(reader.socket.OPEN);
      stalled.destroy();
      reader.close();
    },
  );
});

test.describe('POST /messages', () => {
  test('posts to every WebSocket client at once', async ({ exercise }) => {
    const client = await connectChatClient(exercise.studentUrl);
    const text = `from curl ${uniqueTag()}`;
    const response = await postMessage(
      exercise.studentUrl,
      JSON.stringify({ username: 'curl', message: text }),
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; timestamp: string };
    await client.waitFor((envelope) => isMessageEnvelope(envelope, text));
    expect(created.id).toBeTruthy();
    client.close();
  });

  test('refuses bad bodies with a JSON error and keeps running', async ({ exercise }) => {
    const url = exercise.studentUrl;
    const cases: [string, Promise<Response>, number][] = [
      ['malformed JSON', postMessage(url, '{"username": '), 400],
      ['an array', postMessage(url, '[]'), 400],
      ['an empty message', postMessage(url, '{"username":"Ada","message":"  "}'), 400],
      ['an unknown field', postMessage(url, '{"username":"Ada","message":"x","id":"7"}'), 400],
      ['form data', postMessage(url, 'username=Ada&message=x', 'application/x-www-form-urlencoded'), 415],
      [
        'an oversized body',
        postMessage(url, JSON.stringify({ username: 'Ada', message: 'y'.repeat(40_000) })),
        413,
      ],
    ];
    for (const [name, pending, status] of cases) {
      const response = await pending;
      expect(response.status, name).toBe(status);
      expect(typeof ((await response.json()) as { error?: unknown }).error, `${name} gets a JSON error`).toBe(
        'string',
      );
    }
    expect((await fetch(`${url}/messages`)).status, 'the server is still up').toBe(200);
  });
});

test.describe('WebSocket client', () => {
  test('renders HTML and script payloads as text and runs nothing', async ({
    page,
    exercise,
    pageErrors,
  }) => {
    await page.goto(exercise.pageUrl);
    const chat = chatPage(page);
    await expect(chat.status).toContainText('Connected');
    const username = '<img src=x onerror=__injected=1>';
    const message = `<script>window.__injected = true</script><b>bold?</b> ${uniqueTag()}`;

    await websocketTransport.post(exercise.studentUrl, { username, message });

    const shown = chat.messageWithText(message);
    await expect(shown).toHaveCount(1);
    await expect(shown).toContainText(username);
    await expect(page.locator('[data-ui] img, [data-ui] script, [data-ui] b')).toHaveCount(0);
    expect(await page.evaluate(() => '__injected' in window)).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  test('reconnects with growing delays after the network drops and shows no message twice', async ({
    page,
    exercise,
  }) => {
    const proxy = exercise.proxy;
    if (!proxy) throw new Error('this test needs proxyStudentServer');
    const chat = chatPage(page);
    // When the page itself opened each socket, on its own clock: the test's clock would add delivery delays.
    await page.addInitScript(recordWebSocketOpenings);
    const chatUrl = websocketTransport.connectionUrl(exercise.studentUrlForPage);
    const attemptTimes = () =>
      page.evaluate(
        (url) =>
          (window as unknown as WebSocketOpenings).webSocketOpenings
            .filter((each) => each.url.startsWith(url))
            .map((each) => each.at),
        chatUrl,
      );
    // The page's timers run on a clock the test moves forward: seconds of backoff pass in moments.
    await page.clock.install();
    await page.goto(exercise.pageUrl);
    await expect(chat.status).toContainText('Connected');
    const tag = uniqueTag();
    await chat.send('Ada', `before the outage ${tag}`);
    await expect(chat.messageWithText(`before the outage ${tag}`)).toHaveCount(1);

    proxy.cut();
    const attemptsBeforeCut = (await attemptTimes()).length;
    await expect(chat.status, 'the page shows that it lost the connection').toContainText('reconnecting in');
    await expect(chat.sendButton, 'and that it cannot send now').toBeDisabled();
    const missed = [`while you were away ${tag}`, `still away? ${tag}`];
    for (const message of missed)
      await websocketTransport.post(exercise.studentUrl, { username: 'Bob', message });
    // Three failed attempts. The waits before the 2nd and 3rd are at least 1 s and 2 s (half of 2 s and 4 s,
    // the rest is jitter).
    await runClockUntil(page, async () => (await attemptTimes()).length - attemptsBeforeCut >= 3);
    const [first = 0, second = 0, third = 0] = (await attemptTimes()).slice(attemptsBeforeCut);
    expect(second - first, 'the second attempt waits at least 1 s').toBeGreaterThanOrEqual(950);
    expect(third - second, 'the third attempt waits at least 2 s').toBeGreaterThanOrEqual(1_950);
    proxy.restore();

    await runClockUntil(page, async () => (await chat.status.textContent())?.includes('Connected') ?? false);
    await expect(chat.status, 'the page reconnects by itself').toContainText('Connected');
    for (const message of missed) {
      await expect(chat.messageWithText(message), `"${message}" arrives exactly once`).toHaveCount(1);
    }
    expect(
      (await chat.shownWith(tag)).map((shown) => shown.message),
      'nothing twice, in order',
    ).toEqual([`before the outage ${tag}`, ...missed]);
  });

  test('shows that the server refused a message, and sends nothing else', async ({ page, exercise }) => {
    await page.goto(exercise.pageUrl);
    const chat = chatPage(page);
    await expect(chat.status).toContainText('Connected');
    const tooLong = `${uniqueTag()} ${'m'.repeat(1_100)}`;
    await chat.send('Ada', tooLong);
    await expect(chat.status).toContainText('message not sent');
    await expect(chat.messageWithText(tooLong.slice(0, 20))).toHaveCount(0);
  });
});

bfcacheTest.describe('back/forward cache', () => {
  bfcacheTest(
    'closes the WebSocket on pagehide and reconnects on pageshow, missing nothing',
    async ({ page, exercise }) => {
      const baseline = await openConnections(exercise.studentUrl);
      const chat = chatPage(page);
      await page.goto(exercise.pageUrl);
      await expect(chat.status).toContainText('Connected');
      await expect.poll(() => openConnections(exercise.studentUrl)).toBe(baseline + 1);
      await page.evaluate(() => Object.assign(window, { keptInCache: true }));

      await page.goto(`${exercise.studentUrl}/messages`);
      await expect
        .poll(() => openConnections(exercise.studentUrl), { message: 'closed on pagehide' })
        .toBe(baseline);
      const text = `posted while the page was cached ${uniqueTag()}`;
      await websocketTransport.post(exercise.studentUrl, { username: 'Bob', message: text });

      await page.goBack({ waitUntil: 'commit' });
      const restored = await page.evaluate(() => ({
        fromCache: 'keptInCache' in window,
        // Chromium says why it did not restore a page (NotRestoredReasons).
        reasons: JSON.stringify(
          (performance.getEntriesByType('navigation')[0] as { notRestoredReasons?: unknown } | undefined)
            ?.notRestoredReasons ?? null,
        ),
      }));
      expect(
        restored.fromCache,
        `the page came back from the back/forward cache, not reloaded (why not: ${restored.reasons})`,
      ).toBe(true);
      await expect(chat.status).toContainText('Connected');
      await expect(chat.messageWithText(text)).toHaveCount(1);
      await expect.poll(() => openConnections(exercise.studentUrl)).toBe(baseline + 1);
    },
  );
});

sseTest.describe('SSE variant', () => {
  sseTest(
    'streams with event-stream headers, CORS, a retry delay and an id on every event',
    async ({ exercise }) => {
      const stream = await captureStream(`${exercise.studentUrl}/events`, { Origin: exercise.pageUrl });
      await stream.waitFor((events) => events.some((event) => event.type === 'chat.initial'));
      stream.close();
      const headers = stream.response.headers;
      expect(stream.response.status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(headers.get('cache-control')).toContain('no-transform');
      expect(headers.get('access-control-allow-origin')).toBe(exercise.pageUrl);
      expect(stream.rawText()).toMatch(/^retry: \d+$/m);
      for (const event of stream.events) expect(event.lastEventId, 'every event needs an id').not.toBe('');
    },
  );

  sseTest(
    'resumes from Last-Event-ID with nothing lost or doubled, and starts over for an unknown id',
    async ({ exercise }) => {
      const first = await captureStream(`${exercise.studentUrl}/events`);
      await first.waitFor((events) => events.length > 0);
      first.close();
      const lastSeenId = first.events.at(-1)?.lastEventId ?? '';

      const tag = uniqueTag();
      const missed = [`missed one ${tag}`, `missed two ${tag}`];
      for (const message of missed)
        await sseTransport.post(exercise.studentUrl, { username: 'Ada', message });

      const resumed = await captureStream(`${exercise.studentUrl}/events`, { 'Last-Event-ID': lastSeenId });
      const received = () =>
        resumed.events
          .filter((event) => event.type === 'chat.message')
          .map((event) => (JSON.parse(event.data) as { message: string }).message)
          .filter((message) => message.includes(tag));
      await resumed.waitFor(() => received().length >= missed.length);
      await new Promise((resolve) => setTimeout(resolve, 300));
      resumed.close();
      expect(received(), 'each missed message once, in order').toEqual(missed);
      expect(resumed.events.map((event) => event.type)).not.toContain('chat.initial');

      const stranger = await captureStream(`${exercise.studentUrl}/events`, {
        'Last-Event-ID': 'another-run-7',
      });
      await stranger.waitFor((events) => events.length > 0);
      stranger.close();
      expect(stranger.events[0]?.type).toBe('chat.initial');
    },
  );

  sseLimitTest(
    'shows the server’s limit in the page when one address posts too fast, and keeps the stream',
    async ({ page, exercise }) => {
      sseLimitTest.skip(!(await canSendFrom('127.0.0.2')), NO_SECOND_DEVICE);
      await page.goto(`${exercise.pageUrl}${sseTransport.pagePath}`);
      const chat = chatPage(page);
      await expect(chat.status).toContainText('Connected');
      const tag = uniqueTag();
      for (let index = 1; index <= POST_LIMIT; index += 1) {
        await chat.send('Ada', `${tag} ${index}`);
        await expect(chat.messageWithText(`${tag} ${index}`)).toHaveCount(1);
      }
      await chat.send('Ada', `${tag} one too many`);
      await expect(chat.status).toContainText(
        `message not sent: Too many messages from your address: at most ${POST_LIMIT} per 10 s.`,
      );
      await expect(chat.messageWithText(`${tag} one too many`)).toHaveCount(0);
      const fromAnotherDevice = await postJson(
        `${exercise.studentUrl}/messages`,
        { username: 'Grace', message: `${tag} from another device` },
        { from: '127.0.0.2' },
      );
      expect(fromAnotherDevice.status, 'another address may still post').toBe(201);
      await expect(chat.messageWithText(`${tag} from another device`), 'the stream goes on').toHaveCount(1);
    },
  );

  sseTest('counts down to the next try when the server refuses the stream', async ({ page, exercise }) => {
    await page.route('**/events', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.goto(`${exercise.pageUrl}${sseTransport.pagePath}`);
    const chat = chatPage(page);
    await expect(chat.status).toContainText('retrying in 5 s');
    await expect(chat.status, 'the countdown goes down each second').toContainText('retrying in 4 s');
  });

  sseTest('sends a keep-alive comment on an idle stream', async ({ exercise }) => {
    const stream = await captureStream(`${exercise.studentUrl}/events`);
    await expect.poll(() => stream.rawText(), { timeout: 5_000 }).toMatch(/^: keep-alive$/m);
    stream.close();
  });

  sseTest('leaves no stream behind when clients go away', async ({ exercise }) => {
    const baseline = await openConnections(exercise.studentUrl);
    const streams = await Promise.all(
      Array.from({ length: 20 }, () => captureStream(`${exercise.studentUrl}/events`)),
    );
    await expect.poll(() => openConnections(exercise.studentUrl)).toBe(baseline + 20);
    for (const stream of streams) stream.close();
    await expect.poll(() => openConnections(exercise.studentUrl)).toBe(baseline);
  });

  sseTest(
    'the page reconnects after the network drops and shows no message twice',
    async ({ page, exercise }) => {
      const proxy = exercise.proxy;
      if (!proxy) throw new Error('this test needs proxyStudentServer');
      const chat = chatPage(page);
      await page.goto(`${exercise.pageUrl}${sseTransport.pagePath}`);
      await expect(chat.status).toContainText('Connected');
      const tag = uniqueTag();
      await chat.send('Ada', `before the outage ${tag}`);
      await expect(chat.messageWithText(`before the outage ${tag}`)).toHaveCount(1);

      proxy.cut();
      await expect(chat.status, 'the page shows that it lost the connection').not.toContainText('Connected');
      await expect(chat.sendButton).toBeDisabled();
      const missed = [`while you were away ${tag}`, `still away? ${tag}`];
      for (const message of missed)
        await sseTransport.post(exercise.studentUrl, { username: 'Bob', message });
      proxy.restore();

      await expect(chat.status, 'the page reconnects by itself').toContainText('Connected', {
        timeout: 30_000,
      });
      for (const message of missed) await expect(chat.messageWithText(message)).toHaveCount(1);
      expect((await chat.shownWith(tag)).map((shown) => shown.message)).toEqual([
        `before the outage ${tag}`,
        ...missed,
      ]);
    },
  );

  sseTest(
    'renders HTML and script payloads as text and runs nothing',
    async ({ page, exercise, pageErrors }) => {
      await page.goto(`${exercise.pageUrl}${sseTransport.pagePath}`);
      const chat = chatPage(page);
      await expect(chat.status).toContainText('Connected');
      const message = `<img src=x onerror="window.__injected = true"><b>bold?</b> ${uniqueTag()}`;
      await sseTransport.post(exercise.studentUrl, { username: '<script>x()</script>', message });
      await expect(chat.messageWithText(message)).toHaveCount(1);
      await expect(page.locator('[data-ui] img, [data-ui] script, [data-ui] b')).toHaveCount(0);
      expect(await page.evaluate(() => '__injected' in window)).toBe(false);
      expect(pageErrors).toEqual([]);
    },
  );
});
