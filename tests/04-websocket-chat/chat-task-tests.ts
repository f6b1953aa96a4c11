// The checks of the task that hold for both ways of running the chat (WebSocket, and SSE + POST).
// task.spec.ts runs them once per transport.
import type { RunningExercise } from '../harness/exercise-servers';
import { test as exerciseTest, expect } from '../harness/exercise-test';
import { say } from '../harness/language';
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
      say(
        `the page connects (${transport.clientFile}) and shows "Connected"`,
        `die Seite in ${transport.clientFile} verbindet sich und zeigt „Connected“`,
      ),
      transport.todos.connect,
    ),
    serverGreets: new Prerequisite(
      say(
        `your server (${transport.serverFile}) sends "chat.initial"`,
        `dein Server in ${transport.serverFile} schickt "chat.initial"`,
      ),
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

  test.describe(
    say(`Part 1 · client (${transport.clientFile})`, `Teil 1 · Client (${transport.clientFile})`),
    () => {
      test(
        say(
          'shows that it is connected and enables the form',
          'zeigt, dass sie verbunden ist, und gibt das Formular frei',
        ),
        async ({ page, exercise }) => {
          pageConnects.establishedHere();
          const chat = chatPage(page);
          const connections = transport.recordConnections(page);
          // Vite's own WebSocket (hot reload) goes to the page's origin; the chat's goes to a server.
          const pageHost = new URL(exercise.pageUrl).host;
          const chatConnections = () => connections().filter((url) => new URL(url).host !== pageHost);
          await page.goto(pageUrl(exercise));
          // A page that opens no connection at all never says "Connected": tell so now, not after the wait below.
          await expect
            .poll(() => chatConnections().length, {
              message: say(
                `The page opened no connection: ${hints.connect}.`,
                `Die Seite hat keine Verbindung geöffnet: ${hints.connect}.`,
              ),
              timeout: 1_500,
            })
            .toBeGreaterThan(0);
          await expect(
            chat.status,
            say(
              `The status should say "Connected": ${hints.connect}, then ${hints.open}.`,
              `Der Status sollte „Connected“ zeigen: ${hints.connect}. ${hints.open}.`,
            ),
          ).toContainText('Connected');
          await expect(
            chat.sendButton,
            say(
              `The form should be enabled once connected: ${hints.open}.`,
              `Sobald die Verbindung steht, sollte das Formular freigegeben sein: ${hints.open}.`,
            ),
          ).toBeEnabled();
        },
      );

      test(
        say('disables the form while not connected', 'sperrt das Formular, solange keine Verbindung besteht'),
        async ({ page, exercise }) => {
          pageConnects.require();
          const chat = chatPage(page);
          const gate = await transport.holdConnection(page, exercise.pageUrl);
          await page.goto(pageUrl(exercise));
          await expect(
            chat.status,
            say(
              'While connecting, the status must not say "Connected".',
              'Während des Verbindens darf der Status nicht „Connected“ zeigen.',
            ),
          ).not.toContainText('Connected');
          await expect(
            chat.sendButton,
            say(
              'While connecting, nobody can send: keep the form disabled (setFormDisabledState(true)) until it opens.',
              'Während des Verbindens kann niemand senden: Lass das Formular gesperrt (setFormDisabledState(true)), bis die Verbindung offen ist.',
            ),
          ).toBeDisabled();

          gate.release();
          await expect(
            chat.status,
            say(`Connected now: ${hints.open}.`, `Jetzt verbunden: ${hints.open}.`),
          ).toContainText('Connected');
          await expect(
            chat.sendButton,
            say(`Connected now: ${hints.open}.`, `Jetzt verbunden: ${hints.open}.`),
          ).toBeEnabled();

          if (!gate.drop) return;
          await gate.drop();
          await expect(
            chat.sendButton,
            say(
              `The connection is gone, so disable the form: ${hints.close}.`,
              `Die Verbindung ist weg, also sperr das Formular: ${hints.close}.`,
            ),
          ).toBeDisabled();
          await expect(
            chat.status,
            say(`The connection is gone: ${hints.close}.`, `Die Verbindung ist weg: ${hints.close}.`),
          ).not.toContainText('Connected');
        },
      );

      test(
        say(
          'shows the messages the server already has ("chat.initial")',
          'zeigt die Nachrichten, die der Server schon hat ("chat.initial")',
        ),
        async ({ page, exercise }) => {
          pageConnects.require();
          const text = `Posted before you opened the page ${uniqueTag()}`;
          // The page talks to the reference server in Part 1 and to yours after Part 2: store it in both.
          const posted = await Promise.allSettled([
            transport.post(exercise.referenceUrl, { username: 'Earlier', message: text }),
            transport.post(exercise.studentUrl, { username: 'Earlier', message: text }),
          ]);
          expect(
            posted[0]?.status,
            say(
              'The reference server did not accept a message.',
              'Der Referenzserver hat keine Nachricht angenommen.',
            ),
          ).toBe('fulfilled');

          await page.goto(pageUrl(exercise));
          await expect(
            chatPage(page).messageWithText(text),
            say(
              `The stored message is not on the page: ${hints.receive}.`,
              `Die gespeicherte Nachricht fehlt auf der Seite: ${hints.receive}.`,
            ),
          ).toHaveCount(1);
        },
      );

      test(
        say(
          'two users chat: each sees every message once, in order, with the server’s timestamp',
          'zwei Personen chatten: Beide sehen jede Nachricht genau einmal, in der richtigen Reihenfolge, mit dem Zeitstempel des Servers',
        ),
        async ({ browser, exercise }) => {
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
              await expect(
                user.status,
                say(`${hints.connect}, then ${hints.open}.`, `${hints.connect}. ${hints.open}.`),
              ).toContainText('Connected');
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
                say(
                  `${username}'s own message should come back from the server and appear once: ${hints.send}, ` +
                    `and ${hints.receive}.`,
                  `Die eigene Nachricht von ${username} sollte vom Server zurückkommen und genau einmal erscheinen: ` +
                    `${hints.send}. ${hints.receive}.`,
                ),
              ).toHaveCount(1);
              const other = from === alice.chat ? bob.chat : alice.chat;
              await expect(
                other.messageWithText(message),
                say(
                  `The other user does not see ${username}'s message once: ${hints.receive}.`,
                  `Die andere Person sieht die Nachricht von ${username} nicht genau einmal: ${hints.receive}.`,
                ),
              ).toHaveCount(1);
            }

            const expected = conversation.map(({ username, message }) => ({ username, message }));
            const shownByAlice = await alice.chat.shownWith(tag);
            const shownByBob = await bob.chat.shownWith(tag);
            for (const shown of [shownByAlice, shownByBob]) {
              expect(
                shown.map(({ username, message }) => ({ username, message })),
                say(
                  'Both users should see the same messages, each once, in the order they were sent.',
                  'Beide sollten dieselben Nachrichten sehen, jede genau einmal, in der Reihenfolge, in der sie gesendet wurden.',
                ),
              ).toEqual(expected);
            }
            for (const [index, { timestamp }] of shownByAlice.entries()) {
              expect(
                Math.abs(Date.parse(timestamp) - startedAt),
                say(
                  `The time of a message must be the server's "timestamp" (ISO 8601, e.g. 2026-11-29T09:15:00.000Z), ` +
                    `passed on to appendMessage; this page showed "${timestamp}".`,
                  `Gib als Zeit einer Nachricht den "timestamp" des Servers an appendMessage weiter (ISO 8601, ` +
                    `z. B. 2026-11-29T09:15:00.000Z); diese Seite zeigte „${timestamp}“.`,
                ),
              ).toBeLessThan(CLOCK_TOLERANCE_MS);
              expect(
                timestamp,
                say(
                  'Both users should see the same timestamp: the one the server set.',
                  'Beide sollten denselben Zeitstempel sehen: den, den der Server gesetzt hat.',
                ),
              ).toBe(shownByBob[index]?.timestamp);
            }
          } finally {
            await alice.context.close();
            await bob.context.close();
          }
        },
      );

      test(
        say('the page runs without errors', 'die Seite läuft ohne Fehler'),
        async ({ page, exercise, pageErrors }) => {
          pageConnects.require();
          await page.goto(pageUrl(exercise));
          await expect(
            chatPage(page).status,
            say(`${hints.connect}, then ${hints.open}.`, `${hints.connect}. ${hints.open}.`),
          ).toContainText('Connected');
          expect(
            pageErrors,
            say(
              'The page threw errors; open the browser console (F12) to see them.',
              'Die Seite hat Fehler geworfen; öffne die Konsole des Browsers (F12), um sie zu sehen.',
            ),
          ).toEqual([]);
        },
      );
    },
  );
}

export function chatServerTests(
  transport: ChatTransport,
  { pageConnects, serverGreets }: ChatPrerequisites,
  test: ExerciseTest = exerciseTest,
): void {
  const { hints } = transport;

  test.describe(
    say(`Part 2 · server (${transport.serverFile})`, `Teil 2 · Server (${transport.serverFile})`),
    () => {
      // After its first check failed, the others are skipped before their servers start (pnpm verify of a starter).
      serverGreets.requireForGroup();

      test(
        say(
          'your server sends "chat.initial" with the stored messages first',
          'dein Server schickt zuerst "chat.initial" mit den gespeicherten Nachrichten',
        ),
        async ({ exercise }) => {
          serverGreets.establishedHere();
          exercise.requireStudentServer();
          const listener = await transport.listen(exercise.studentUrl).catch((error: Error) => {
            throw new Error(
              say(
                `Your server accepted no connection (${error.message}): ${hints.serverInitial}.`,
                `Dein Server hat keine Verbindung angenommen (${error.message}): ${hints.serverInitial}.`,
              ),
            );
          });
          try {
            const first = await listener.waitFor(() => true).catch(() => undefined);
            expect(
              first,
              say(
                `Your server sent nothing to a new client: ${hints.serverInitial}.`,
                `Dein Server hat einem neuen Client nichts geschickt: ${hints.serverInitial}.`,
              ),
            ).toBeDefined();
            expect(
              first?.event,
              say(
                `The first thing a client gets should be "chat.initial", not ${summarize(first)}: ${hints.serverInitial}.`,
                `Als Erstes sollte ein Client "chat.initial" bekommen, nicht ${summarize(first)}: ${hints.serverInitial}.`,
              ),
            ).toBe('chat.initial');
            expect(
              isMessageList(first?.data),
              say(
                `"chat.initial" should carry an array of messages with username, message and timestamp: ${hints.serverInitial}.`,
                `"chat.initial" sollte ein Array von Nachrichten mit username, message und timestamp enthalten: ${hints.serverInitial}.`,
              ),
            ).toBe(true);
          } finally {
            listener.close();
          }
        },
      );

      test(
        say(
          'your server stores every message and sends it to all clients',
          'dein Server speichert jede Nachricht und schickt sie an alle Clients',
        ),
        async ({ exercise }) => {
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
              say(
                `Your server did not send a posted message back: ${hints.serverBroadcast}.`,
                `Dein Server hat eine gesendete Nachricht nicht zurückgeschickt: ${hints.serverBroadcast}.`,
              ),
            ).toBeUndefined();

            for (const [index, listener] of listeners.entries()) {
              const received = await listener
                .waitFor((envelope) => isMessageEnvelope(envelope, text))
                .catch(() => undefined);
              expect(
                received,
                say(
                  `Client ${index + 1} did not get the message: ${hints.serverBroadcast}.`,
                  `Client ${index + 1} hat die Nachricht nicht bekommen: ${hints.serverBroadcast}.`,
                ),
              ).toBeDefined();
              const message = received?.data as { username?: unknown; timestamp?: unknown };
              expect(
                message.username,
                say(
                  'The message should keep its username.',
                  'Die Nachricht sollte ihren Benutzernamen (username) behalten.',
                ),
              ).toBe('Ada');
              expect(
                typeof message.timestamp === 'string' && Math.abs(Date.parse(message.timestamp) - startedAt),
                say(
                  'The server sets "timestamp" to the time it received the message, as an ISO 8601 string ' +
                    '(new Date().toISOString()); room.post does that for you.',
                  'Der Server setzt "timestamp" auf die Zeit, zu der er die Nachricht empfangen hat, als ISO-8601-String ' +
                    '(new Date().toISOString()); room.post erledigt das für dich.',
                ),
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
                say(
                  `A client that connects later should find the message in "chat.initial": store it with room.post.`,
                  `Ein Client, der sich später verbindet, sollte die Nachricht in "chat.initial" finden: Speichere sie mit room.post.`,
                ),
              ).toContain(text);
            } finally {
              latecomer.close();
            }
          } finally {
            for (const listener of listeners) listener.close();
          }
        },
      );

      test(say('the page uses your server', 'die Seite nutzt deinen Server'), async ({ page, exercise }) => {
        pageConnects.require();
        serverGreets.require();
        exercise.requireStudentServer();
        const connections = transport.recordConnections(page);
        await page.goto(`${exercise.pageUrl}${transport.pagePath}`);
        await expect(chatPage(page).status, say('Do Part 1 first.', 'Mach zuerst Teil 1.')).toContainText(
          'Connected',
        );
        expect(
          connections(),
          say(
            `The page still talks to the reference server: ${hints.useYourServer}.`,
            `Die Seite spricht noch mit dem Referenzserver: ${hints.useYourServer}.`,
          ),
        ).toContain(transport.connectionUrl(exercise.studentUrlForPage));
      });

      test(
        say(
          `${transport.variant ? '' : 'Bonus: '}the page reconnects after your server restarts`,
          `${transport.variant ? '' : 'Bonus: '}die Seite verbindet sich nach einem Neustart deines Servers wieder`,
        ),
        async ({ page, exercise }) => {
          pageConnects.require();
          serverGreets.require();
          exercise.requireStudentServer();
          const chat = chatPage(page);
          const connections = transport.recordConnections(page);
          await page.goto(`${exercise.pageUrl}${transport.pagePath}`);
          await expect(chat.status, say('Do Part 1 first.', 'Mach zuerst Teil 1.')).toContainText(
            'Connected',
          );
          expect(
            connections(),
            say(`Do this after ${hints.useYourServer}.`, `Vorher: ${hints.useYourServer}.`),
          ).toContain(transport.connectionUrl(exercise.studentUrlForPage));

          await exercise.restartStudentServer();
          await expect(
            chat.status,
            say(
              `The page did not come back after the restart: ${hints.reconnect}.`,
              `Die Seite hat sich nach dem Neustart nicht wieder verbunden: ${hints.reconnect}.`,
            ),
          ).toContainText('Connected', { timeout: 20_000 });
          await expect(
            chat.sendButton,
            say(
              `Enable the form again once connected: ${hints.open}.`,
              `Gib das Formular wieder frei, sobald die Verbindung steht: ${hints.open}.`,
            ),
          ).toBeEnabled();
          const text = `Back again ${uniqueTag()}`;
          await chat.send('Ada', text);
          await expect(
            chat.messageWithText(text),
            say('Chatting works again after the restart.', 'Nach dem Neustart klappt das Chatten wieder.'),
          ).toHaveCount(1);
        },
      );
    },
  );
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
