// What exercise 04 asks for, checked in a real browser. `pnpm verify 04` runs it against your work.
import { expect, test } from '../harness/exercise-test';
import { chatClientTests, chatPrerequisites, chatServerTests } from './chat-task-tests';
import { sseTransport, websocketTransport } from './chat-transports';
import { connectChatClient, handshakeStatus } from './node-websocket';

// A short heartbeat, so that the bonus check does not wait 30 s for the first ping.
const HEARTBEAT_MS = 1_000;
test.use({ exerciseName: '04-websocket-chat', serverEnv: { HEARTBEAT_INTERVAL_MS: String(HEARTBEAT_MS) } });

// Each part's checks build on its first one; when that fails, `pnpm verify` skips them with its TODOs.
const websocketPrerequisites = chatPrerequisites(websocketTransport);
const ssePrerequisites = chatPrerequisites(sseTransport);

test.describe('WebSocket chat', () => {
  chatClientTests(websocketTransport, websocketPrerequisites);
  chatServerTests(websocketTransport, websocketPrerequisites);

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
        let pinged = false;
        answering.socket.on('ping', () => {
          pinged = true;
        });
        const closedWithin = await Promise.race([
          silent.closed.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5 * HEARTBEAT_MS)),
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
  });
});

// The same checks against `server/index.sse.ts` and `index.sse.html`. A test type of its own, because a
// variant needs servers (a worker) of its own, which `test.use` inside a describe cannot ask for.
const sseTest = test.extend({ variant: 'sse' });

test.describe('Bonus · SSE variant (pnpm dev:sse)', () => {
  chatClientTests(sseTransport, ssePrerequisites, sseTest);
  chatServerTests(sseTransport, ssePrerequisites, sseTest);
});
