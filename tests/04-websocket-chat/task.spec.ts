// What exercise 04 asks for, checked in a real browser. `pnpm verify 04` runs it against your work.
import { fullChromiumLaunchOptions } from '../harness/chromium';
import { test as exerciseTest, expect } from '../harness/exercise-test';
import { chatPage } from './chat-page';
import { chatClientTests, chatPrerequisites, chatServerTests } from './chat-task-tests';
import { sseTransport, websocketTransport } from './chat-transports';
import { connectChatClient, firstPing, handshakeStatus } from './node-websocket';
import { floodUntilCutOff, openConnections, openStalledClient } from './stalled-client';

// A short heartbeat, so that the bonus check does not wait 30 s for the first ping.
const HEARTBEAT_MS = 1_000;
/** Above a full `chat.initial` (100 messages of about 1 KB), far below what the flood sends. */
const MAX_BUFFERED_BYTES = 256 * 1024;
exerciseTest.use({ exerciseName: '04-websocket-chat' });
// serverEnv per kind of check, not with test.use: a file-wide test.use would override the others'.
const test = exerciseTest.extend({ serverEnv: { HEARTBEAT_INTERVAL_MS: String(HEARTBEAT_MS) } });
/** A heartbeat of a minute: only backpressure can cut a stalled client off then. */
const slowHeartbeatTest = exerciseTest.extend({
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

// Each part's checks build on its first one; when that fails, `pnpm verify` skips them with its TODOs.
const websocketPrerequisites = chatPrerequisites(websocketTransport);
const ssePrerequisites = chatPrerequisites(sseTransport);

test.describe('WebSocket chat', () => {
  chatClientTests(websocketTransport, websocketPrerequisites, test);
  chatServerTests(websocketTransport, websocketPrerequisites, test);

  test.describe('Part 2 · server (server/websocket-server.ts)', () => {
    test('your server answers bad input with an "error" event and keeps the connection', async ({
      exercise,
    }) => {
      websocketPrerequisites.serverGreets.require();
      exercise.requireStudentServer();
      const client = await connectChatClient(exercise.studentUrl);
      try {
        const initial = await client
          .waitFor((envelope) => envelope.event === 'chat.initial')
          .catch(() => undefined);
        expect(initial, 'Do TODO 2.1 first: send "chat.initial" to every new client.').toBeDefined();
        const before = client.received.length;
        client.socket.send('this is not JSON');
        const error = await client
          .waitFor((envelope) => envelope.event === 'error' && client.received.indexOf(envelope) >= before)
          .catch(() => undefined);
        const reason = (error?.data as { reason?: unknown } | undefined)?.reason;
        expect(
          typeof reason,
          'Send {"event": "error", "data": {"reason": "…"}} back when decodeClientEnvelope fails (TODO 2.2).',
        ).toBe('string');
        expect(
          client.socket.readyState,
          'Bad input from one client must not end its connection (or the server).',
        ).toBe(client.socket.OPEN);
      } finally {
        client.close();
      }
    });

    test('Bonus: your server refuses pages from other origins', async ({ exercise }) => {
      websocketPrerequisites.serverGreets.require();
      exercise.requireStudentServer();
      expect(
        await handshakeStatus(exercise.studentUrl, 'https://evil.example'),
        'A page from https://evil.example could open your chat in its visitors’ name: refuse the upgrade ' +
          'with 403 when the Origin is not allowed (TODO 2.6).',
      ).toBe(403);
      expect(
        await handshakeStatus(exercise.studentUrl, exercise.pageUrl),
        'The page’s own origin must still get in (TODO 2.6).',
      ).toBe(101);
    });

    test('Bonus: your server cuts off clients that stop answering pings', async ({ exercise }) => {
      websocketPrerequisites.serverGreets.require();
      exercise.requireStudentServer();
      const silent = await connectChatClient(exercise.studentUrl, { autoPong: false });
      const answering = await connectChatClient(exercise.studentUrl);
      try {
        // Both are awaited: the tick that cuts `silent` off may be the one that pings `answering` first.
        const [pinged, closedWithin] = await Promise.all([
          firstPing(answering, 5 * HEARTBEAT_MS),
          Promise.race([
            silent.closed.then(() => true),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5 * HEARTBEAT_MS)),
          ]),
        ]);
        expect(pinged, `Ping every client every heartbeatMs (${HEARTBEAT_MS} ms here) (TODO 2.5).`).toBe(
          true,
        );
        expect(
          closedWithin,
          'A client that did not answer the last ping should be cut off (terminate) at the next one (TODO 2.5).',
        ).toBe(true);
        expect(answering.socket.readyState, 'A client that answers must stay connected.').toBe(
          answering.socket.OPEN,
        );
      } finally {
        silent.socket.terminate();
        answering.close();
      }
    });

    // Servers of its own, and skipped before they start when Part 2 has not begun.
    test.describe('a client that stops reading', () => {
      websocketPrerequisites.serverGreets.requireForGroup();

      slowHeartbeatTest(
        'Bonus: your server cuts off a client that stops reading (TODO 2.7)',
        async ({ exercise }) => {
          exercise.requireStudentServer();
          // Servers of its own: no connection of an earlier check is still closing, so the counts are exact.
          const reader = await connectChatClient(exercise.studentUrl);
          // Its own worker may run before the check of Part 2 did: a server that does not greet yet cannot relay.
          const greeted = await reader
            .waitFor((envelope) => envelope.event === 'chat.initial')
            .catch(() => undefined);
          if (!greeted) reader.close();
          websocketPrerequisites.serverGreets.skipUnlessMet(greeted !== undefined);
          expect(greeted, 'Your server sent no "chat.initial" to a new client (TODO 2.1).').toBeDefined();
          const stalled = await openStalledClient(exercise.studentUrl);
          try {
            expect(await openConnections(exercise.studentUrl)).toBe(2);
            const connections = await floodUntilCutOff(exercise.studentUrl, reader, 2);
            expect(
              connections,
              'A client that stopped reading was never cut off: before sending, terminate a client whose ' +
                'bufferedAmount is above maxBufferedBytes (TODO 2.7).',
            ).toBe(1);
            expect(reader.socket.readyState, 'The client that reads must stay connected.').toBe(
              reader.socket.OPEN,
            );
          } finally {
            stalled.destroy();
            reader.close();
          }
        },
      );
    });
  });

  test.describe('Part 1 · client (client/index.ts)', () => {
    // A browser of its own, and skipped before it starts when Part 1 has not begun.
    websocketPrerequisites.pageConnects.requireForGroup();

    bfcacheTest(
      'Bonus: the page closes its WebSocket for the back/forward cache and reconnects (TODO 1.6)',
      async ({ page, exercise }) => {
        websocketPrerequisites.pageConnects.require();
        // The page talks to the reference server in Part 1 and to yours after TODO 2.4: count both.
        const servers = [exercise.referenceUrl, exercise.studentUrl];
        const connections = async () => {
          const counts = await Promise.all(servers.map((url) => openConnections(url).catch(() => 0)));
          return counts.reduce((sum, count) => sum + count, 0);
        };
        const baseline = await connections();
        const chat = chatPage(page);
        await page.goto(exercise.pageUrl);
        await expect(chat.status).toContainText('Connected');
        await expect.poll(connections).toBe(baseline + 1);
        await page.evaluate(() => Object.assign(window, { keptInCache: true }));

        await page.goto(`${exercise.referenceUrl}/stats`);
        await expect
          .poll(connections, {
            message: 'On pagehide, stop the reconnect timer and close the socket (TODO 1.6).',
          })
          .toBe(baseline);
        await page.goBack({ waitUntil: 'commit' });
        const fromCache = await page.evaluate(() => 'keptInCache' in window);
        expect(
          fromCache,
          'The page was loaded again instead of coming back from the back/forward cache: close the WebSocket on ' +
            'pagehide (TODO 1.6).',
        ).toBe(true);
        await expect(
          chat.status,
          'Back from the cache, the page should connect again: on pageshow with event.persisted call connect() ' +
            '(TODO 1.6).',
        ).toContainText('Connected');
        await expect.poll(connections).toBe(baseline + 1);
      },
    );
  });
});

// The same checks against `server/index.sse.ts` and `index.sse.html`. A test type of its own, because a
// variant needs servers (a worker) of its own, which `test.use` inside a describe cannot ask for.
const sseTest = test.extend({ variant: 'sse' });

test.describe('Bonus · SSE variant (pnpm dev:sse)', () => {
  chatClientTests(sseTransport, ssePrerequisites, sseTest);
  chatServerTests(sseTransport, ssePrerequisites, sseTest);
});
