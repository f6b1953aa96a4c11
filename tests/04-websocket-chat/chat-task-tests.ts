// The checks of the task that hold for both ways of running the chat (WebSocket, and SSE + POST).
// task.spec.ts runs them once per transport.
import type { RunningExercise } from '../harness/exercise-servers';
import { test as exerciseTest, expect } from '../harness/exercise-test';
import { Prerequisite } from '../harness/prerequisite';
import { chatPage, openAnotherUser, uniqueTag } from './chat-page';
import { type ChatTransport, isMessageEnvelope } from './chat-transports';
import type { ReceivedEnvelope } from './node-websocket';

/** Alice's page runs on this clock: a message time from 2001 on the page means the client made it itself. */
const PAGE_CLOCK = '2001-02-03T04:05:06.000Z';
/** How far a server's timestamp may be from the test's clock (same machine; allows for slow runs). */
const CLOCK_TOLERANCE_MS = 60_000;

/** The test function to define the checks with: the harness's, or one that starts another variant. */
export type ExerciseTest = typeof exerciseTest;

/** The first check of each part, which the others build on. */
export interface ChatPrerequisites {
  pageConnects: Prerequisite;
  serverGreets: Prerequisite;
}

/** Call at the top of the spec file, once per transport. */
export function chatPrerequisites(transport: ChatTransport): ChatPrerequisites {
  return {
    pageConnects: new Prerequisite(
      `the page connects (${transport.clientFile}) and shows "Connected"`,
      transport.todos.connect,
    ),
    serverGreets: new Prerequisite(
      `your server (${transport.serverFile}) sends "chat.initial"`,
      transport.todos.serverInitial,
    ),
  };
}

export function chatClientTests(
  transport: ChatTransport,
  { pageConnects }: ChatPrerequisites,
  test: ExerciseTest = exerciseTest,
): void {
  const { hints } = transport;
  const pageUrl = (exercise: RunningExercise) => `${exercise.pageUrl}${transport.pagePath}`;

  test.describe(`Part 1 · client (${transport.clientFile})`, () => {
    test('shows that it is connected and enables the form', async ({ page, exercise }) => {
      pageConnects.establishedHere();
      const chat = chatPage(page);
      await page.goto(pageUrl(exercise));
      await expect(
        chat.status,
        `The status should say "Connected": ${hints.connect}, then ${hints.open}.`,
      ).toContainText('Connected');
      await expect(
        chat.sendButton,
        `The form should be enabled once connected: ${hints.open}.`,
      ).toBeEnabled();
    });

    test('disables the form while not connected', async ({ page, exercise }) => {
      pageConnects.require();
      const chat = chatPage(page);
      const gate = await transport.holdConnection(page, exercise.pageUrl);
      await page.goto(pageUrl(exercise));
      await expect(chat.status, 'While connecting, the status must not say "Connected".').not.toContainText(
        'Connected',
      );
      await expect(
        chat.sendButton,
        'While connecting, nobody can send: keep the form disabled (setFormDisabledState(true)) until it opens.',
      ).toBeDisabled();

      gate.release();
      await expect(chat.status, `Connected now: ${hints.open}.`).toContainText('Connected');
      await expect(chat.sendButton, `Connected now: ${hints.open}.`).toBeEnabled();

      if (!gate.drop) return;
      await gate.drop();
      await expect(
        chat.sendButton,
        `The connection is gone, so disable the form: ${hints.close}.`,
      ).toBeDisabled();
      await expect(chat.status, `The connection is gone: ${hints.close}.`).not.toContainText('Connected');
    });

    test('shows the messages the server already has ("chat.initial")', async ({ page, exercise }) => {
      pageConnects.require();
      const text = `Posted before you opened the page ${uniqueTag()}`;
      // The page talks to the reference server in Part 1 and to yours after Part 2: store it in both.
      const posted = await Promise.allSettled([
        transport.post(exercise.referenceUrl, { username: 'Earlier', message: text }),
        transport.post(exercise.studentUrl, { username: 'Earlier', message: text }),
      ]);
      expect(posted[0]?.status, 'The reference server did not accept a message.').toBe('fulfilled');

      await page.goto(pageUrl(exercise));
      await expect(
        chatPage(page).messageWithText(text),
        `The stored message is not on the page: ${hints.receive}.`,
      ).toHaveCount(1);
    });

    test('two users chat: each sees every message once, in order, with the server’s timestamp', async ({
      browser,
      exercise,
    }) => {
      pageConnects.require();
      const startedAt = Date.now();
      const tag = uniqueTag();
      // Alice's page runs on a clock from 2001, so a timestamp her page made itself would show 2001.
      const alice = await openAnotherUser(browser, pageUrl(exercise), (page) =>
        page.clock.setFixedTime(PAGE_CLOCK),
      );
      const bob = await openAnotherUser(browser, pageUrl(exercise));
      try {
        for (const user of [alice.chat, bob.chat]) {
          await expect(user.status, `${hints.connect}, then ${hints.open}.`).toContainText('Connected');
        }
        const conversation = [
          { from: alice.chat, username: 'Alice', message: `Hi Bob, can you read this? ${tag}` },
          { from: bob.chat, username: 'Bob', message: `Loud and clear, Alice! ${tag}` },
          { from: alice.chat, username: 'Alice', message: `Great, then the chat works ${tag}` },
        ];
        for (const { from, username, message } of conversation) {
          await from.send(username, message);
          await expect(
            from.messageWithText(message),
            `${username}'s own message should come back from the server and appear once: ${hints.send}, ` +
              `and ${hints.receive}.`,
          ).toHaveCount(1);
          const other = from === alice.chat ? bob.chat : alice.chat;
          await expect(
            other.messageWithText(message),
            `The other user does not see ${username}'s message once: ${hints.receive}.`,
          ).toHaveCount(1);
        }

        const expected = conversation.map(({ username, message }) => ({ username, message }));
        const shownByAlice = await alice.chat.shownWith(tag);
        const shownByBob = await bob.chat.shownWith(tag);
        for (const shown of [shownByAlice, shownByBob]) {
          expect(
            shown.map(({ username, message }) => ({ username, message })),
            'Both users should see the same messages, each once, in the order they were sent.',
          ).toEqual(expected);
        }
        for (const [index, { timestamp }] of shownByAlice.entries()) {
          expect(
            Math.abs(Date.parse(timestamp) - startedAt),
            `The time of a message must be the server's "timestamp" (ISO 8601, e.g. 2026-11-29T09:15:00.000Z), ` +
              `passed on to appendMessage; this page showed "${timestamp}".`,
          ).toBeLessThan(CLOCK_TOLERANCE_MS);
          expect(timestamp, 'Both users should see the same timestamp: the one the server set.').toBe(
            shownByBob[index]?.timestamp,
          );
        }
      } finally {
        await alice.context.close();
        await bob.context.close();
      }
    });

    test('the page runs without errors', async ({ page, exercise, pageErrors }) => {
      pageConnects.require();
      await page.goto(pageUrl(exercise));
      await expect(chatPage(page).status, `${hints.connect}, then ${hints.open}.`).toContainText('Connected');
      expect(pageErrors, 'The page threw errors; open the browser console (F12) to see them.').toEqual([]);
    });
  });
}

export function chatServerTests(
  transport: ChatTransport,
  { pageConnects, serverGreets }: ChatPrerequisites,
  test: ExerciseTest = exerciseTest,
): void {
  const { hints } = transport;

  test.describe(`Part 2 · server (${transport.serverFile})`, () => {
    test('your server sends "chat.initial" with the stored messages first', async ({ exercise }) => {
      serverGreets.establishedHere();
      exercise.requireStudentServer();
      const listener = await transport.listen(exercise.studentUrl).catch((error: Error) => {
        throw new Error(`Your server accepted no connection (${error.message}): ${hints.serverInitial}.`);
      });
      try {
        const first = await listener.waitFor(() => true).catch(() => undefined);
        expect(first, `Your server sent nothing to a new client: ${hints.serverInitial}.`).toBeDefined();
        expect(
          first?.event,
          `The first thing a client gets should be "chat.initial", not ${summarize(first)}: ${hints.serverInitial}.`,
        ).toBe('chat.initial');
        expect(
          isMessageList(first?.data),
          `"chat.initial" should carry an array of messages with username, message and timestamp: ${hints.serverInitial}.`,
        ).toBe(true);
      } finally {
        listener.close();
      }
    });

    test('your server stores every message and sends it to all clients', async ({ exercise }) => {
      serverGreets.require();
      exercise.requireStudentServer();
      const startedAt = Date.now();
      const text = `Hello, everyone ${uniqueTag()}`;
      const listeners = [
        await transport.listen(exercise.studentUrl),
        await transport.listen(exercise.studentUrl),
      ];
      try {
        const posted = await transport.post(exercise.studentUrl, { username: 'Ada', message: text }).then(
          () => undefined,
          (error: Error) => error.message,
        );
        expect(
          posted,
          `Your server did not send a posted message back: ${hints.serverBroadcast}.`,
        ).toBeUndefined();

        for (const [index, listener] of listeners.entries()) {
          const received = await listener
            .waitFor((envelope) => isMessageEnvelope(envelope, text))
            .catch(() => undefined);
          expect(
            received,
            `Client ${index + 1} did not get the message: ${hints.serverBroadcast}.`,
          ).toBeDefined();
          const message = received?.data as { username?: unknown; timestamp?: unknown };
          expect(message.username, 'The message should keep its username.').toBe('Ada');
          expect(
            typeof message.timestamp === 'string' && Math.abs(Date.parse(message.timestamp) - startedAt),
            'The server sets "timestamp" to the time it received the message, as an ISO 8601 string ' +
              '(new Date().toISOString()); room.post does that for you.',
          ).toBeLessThan(CLOCK_TOLERANCE_MS);
        }

        const latecomer = await transport.listen(exercise.studentUrl);
        try {
          const initial = await latecomer
            .waitFor((envelope) => envelope.event === 'chat.initial')
            .catch(() => undefined);
          const stored = Array.isArray(initial?.data) ? (initial.data as { message?: unknown }[]) : [];
          expect(
            stored.map((message) => message.message),
            `A client that connects later should find the message in "chat.initial": store it with room.post.`,
          ).toContain(text);
        } finally {
          latecomer.close();
        }
      } finally {
        for (const listener of listeners) listener.close();
      }
    });

    test('the page uses your server', async ({ page, exercise }) => {
      pageConnects.require();
      serverGreets.require();
      exercise.requireStudentServer();
      const connections = transport.recordConnections(page);
      await page.goto(`${exercise.pageUrl}${transport.pagePath}`);
      await expect(chatPage(page).status, 'Do Part 1 first.').toContainText('Connected');
      expect(
        connections(),
        `The page still talks to the reference server: ${hints.useYourServer}.`,
      ).toContain(transport.connectionUrl(exercise.studentUrlForPage));
    });

    test(`${transport.variant ? '' : 'Bonus: '}the page reconnects after your server restarts`, async ({
      page,
      exercise,
    }) => {
      pageConnects.require();
      serverGreets.require();
      exercise.requireStudentServer();
      const chat = chatPage(page);
      const connections = transport.recordConnections(page);
      await page.goto(`${exercise.pageUrl}${transport.pagePath}`);
      await expect(chat.status, 'Do Part 1 first.').toContainText('Connected');
      expect(connections(), `Do this after ${hints.useYourServer}.`).toContain(
        transport.connectionUrl(exercise.studentUrlForPage),
      );

      await exercise.restartStudentServer();
      await expect(
        chat.status,
        `The page did not come back after the restart: ${hints.reconnect}.`,
      ).toContainText('Connected', { timeout: 20_000 });
      await expect(chat.sendButton, `Enable the form again once connected: ${hints.open}.`).toBeEnabled();
      const text = `Back again ${uniqueTag()}`;
      await chat.send('Ada', text);
      await expect(chat.messageWithText(text), 'Chatting works again after the restart.').toHaveCount(1);
    });
  });
}

function isMessageList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        ['username', 'message', 'timestamp'].every((field) => field in item),
    )
  );
}

function summarize(envelope: ReceivedEnvelope | undefined): string {
  return JSON.stringify(envelope).slice(0, 300);
}
