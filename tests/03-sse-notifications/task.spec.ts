// What exercise 03 asks for, checked in a real browser. `pnpm verify 03` runs it against your work.

import type { ServerSentEvent } from '../../solutions/03-sse-notifications/client/sse-parser';
import { test as exerciseTest, expect } from '../harness/exercise-test';
import { say } from '../harness/language';
import { notificationsPage } from '../harness/notifications-page';
import { Prerequisite } from '../harness/prerequisite';
import { captureStream } from './event-stream-reader';
import { publish, uniqueTitle } from './notification-publisher';
import { floodUntilStreamCutOff, openStalledStream, openStreams } from './stalled-stream';

// A short keep-alive, so that the bonus check does not wait 15 s for the first comment.
const KEEP_ALIVE_MS = 500;
exerciseTest.use({ exerciseName: '03-sse-notifications' });
// serverEnv per kind of check, not with test.use: a file-wide test.use would override the others'.
const test = exerciseTest.extend({ serverEnv: { SSE_KEEP_ALIVE_MS: String(KEEP_ALIVE_MS) } });

interface ReceivedEvent {
  type: string;
  data: string;
}

// The checks of a part build on its first one; when that fails, they are skipped with its TODOs.
const pageConnects = new Prerequisite(
  say(
    'the page opens the EventSource and shows "Connected"',
    'die Seite öffnet die EventSource und zeigt „Connected“',
  ),
  'TODO 1.1–1.2',
);
const serverStreams = new Prerequisite(
  say(
    'your server streams "initial" and "notification" events',
    'dein Server streamt "initial"- und "notification"-Events',
  ),
  'TODO 2.1–2.5',
);

test.describe(say('Part 1 · client (client/index.ts)', 'Teil 1 · Client (client/index.ts)'), () => {
  test(say('shows that it is connected', 'zeigt, dass sie verbunden ist'), async ({ page, exercise }) => {
    pageConnects.establishedHere();
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).status,
      say(
        'The status should say "Connected": call setConnectionStatus("open") when the EventSource opens (TODO 1.2).',
        'Der Status sollte „Connected“ zeigen: Rufe setConnectionStatus("open") auf, sobald sich die EventSource ' +
          'öffnet (TODO 1.2).',
      ),
    ).toContainText('Connected');
  });

  test(
    say(
      'fills the table with the "initial" notifications',
      'füllt die Tabelle mit den "initial"-Benachrichtigungen',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      await page.goto(exercise.pageUrl);
      await expect(
        notificationsPage(page).rows.first(),
        say(
          'The table is empty: on the "initial" event call showInitial(readData("initial", event.data)) ' +
            '(TODO 1.3 in client/index.ts), and fill the table there (TODO 1.3 in client/notification-display.ts).',
          'Die Tabelle ist leer: Rufe beim "initial"-Event showInitial(readData("initial", event.data)) auf ' +
            '(TODO 1.3 in client/index.ts) und fülle dort die Tabelle (TODO 1.3 in client/notification-display.ts).',
        ),
      ).toBeVisible();
    },
  );

  test(
    say(
      'adds each new notification to the table and flashes it',
      'fügt jede neue Benachrichtigung in die Tabelle ein und lässt sie aufblitzen',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      const ui = notificationsPage(page);
      await page.goto(exercise.pageUrl);
      await expect(
        ui.rows.first(),
        say('Do the "initial" event first (TODO 1.3).', 'Erledige zuerst das "initial"-Event (TODO 1.3).'),
      ).toBeVisible();
      const before = await ui.rows.count();

      await expect
        .poll(() => ui.rows.count(), {
          message: say(
            'No new row appeared: on the "notification" event call showNew(readData("notification", event.data)) ' +
              '(TODO 1.4 in client/index.ts), and add the row there (TODO 1.4 in client/notification-display.ts).',
            'Es ist keine neue Zeile erschienen: Rufe beim "notification"-Event showNew(readData("notification", event.data)) ' +
              'auf (TODO 1.4 in client/index.ts) und füge dort die Zeile hinzu (TODO 1.4 in client/notification-display.ts).',
          ),
          timeout: 10_000,
        })
        .toBeGreaterThan(before);
      await expect(
        ui.toasts.first(),
        say(
          'A new notification should also pop up as a toast: flashNotification in showNew (TODO 1.4).',
          'Eine neue Benachrichtigung sollte auch als Toast aufpoppen: flashNotification in showNew (TODO 1.4).',
        ),
      ).toBeVisible();
    },
  );

  test(
    say(
      'Bonus: the progress toast climbs to 100 % and then leaves',
      'Bonus: der Fortschritts-Toast steigt auf 100 % und verschwindet dann',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      const ui = notificationsPage(page);
      await page.goto(exercise.pageUrl);
      const toast = ui.progressToasts.first();
      await expect(
        toast,
        say(
          'No progress toast within 20 s: flash notifications with type "progress" too.',
          'Kein Fortschritts-Toast innerhalb von 20 s: Lass auch Benachrichtigungen vom Typ "progress" als Toast aufpoppen.',
        ),
      ).toBeVisible({
        timeout: 20_000,
      });
      await expect(
        toast.getByRole('progressbar'),
        say(
          'The progress never reached 100 %: on "notification-update" call updateFlashNotification (TODO 1.5).',
          'Der Fortschritt hat nie 100 % erreicht: Rufe bei "notification-update" updateFlashNotification auf (TODO 1.5).',
        ),
      ).toHaveJSProperty('value', 100, { timeout: 20_000 });
      await expect(
        toast,
        say(
          'A finished progress toast should leave by itself.',
          'Ein fertiger Fortschritts-Toast sollte von selbst verschwinden.',
        ),
      ).toBeHidden({ timeout: 10_000 });
    },
  );

  test(
    say('the page runs without errors', 'die Seite läuft ohne Fehler'),
    async ({ page, exercise, pageErrors }) => {
      pageConnects.require();
      await page.goto(exercise.pageUrl);
      await expect(
        notificationsPage(page).rows.first(),
        say('Do the "initial" event first (TODO 1.3).', 'Erledige zuerst das "initial"-Event (TODO 1.3).'),
      ).toBeVisible();
      expect(
        pageErrors,
        say(
          'The page threw errors; open the browser console (F12) to see them.',
          'Die Seite hat Fehler geworfen; öffne die Browser-Konsole (F12), um sie zu sehen.',
        ),
      ).toEqual([]);
    },
  );
});

test.describe(say('Part 2 · server (server/)', 'Teil 2 · Server (server/)'), () => {
  // After its first check failed, the others are skipped before their servers start (pnpm verify of a starter).
  serverStreams.requireForGroup();

  test(
    say(
      'your server streams "initial" and then new "notification" events',
      'dein Server streamt "initial" und dann neue "notification"-Events',
    ),
    async ({ page, exercise }) => {
      serverStreams.establishedHere();
      exercise.requireStudentServer();
      await page.goto(exercise.pageUrl);
      const events = await page.evaluate(collectEvents, { url: `${exercise.studentUrl}/sse`, waitMs: 8_000 });

      expect(
        events.error,
        say(
          `The browser could not read ${exercise.studentUrlAsTyped}/sse as an event stream. Check TODO 2.1: status 200, ` +
            'Content-Type text/event-stream, and the CORS header the starter already sets.',
          `Der Browser konnte ${exercise.studentUrlAsTyped}/sse nicht als Event-Stream lesen. Prüfe TODO 2.1: Status 200, ` +
            'Content-Type text/event-stream und den CORS-Header, den der Starter schon setzt.',
        ),
      ).toBeUndefined();
      const initial = events.received.find((event) => event.type === 'initial');
      expect(
        initial,
        say(
          'Your server sent no "initial" event (TODO 2.4).',
          'Dein Server hat kein "initial"-Event gesendet (TODO 2.4).',
        ),
      ).toBeDefined();
      expect(
        isNotificationList(JSON.parse(initial?.data ?? 'null')),
        say(
          'The "initial" data should be a JSON array of notifications with id, title, message and time (TODO 2.4).',
          'Die "initial"-Daten sollten ein JSON-Array von Benachrichtigungen mit id, title, message und time sein ' +
            '(TODO 2.4).',
        ),
      ).toBe(true);
      const live = events.received.filter((event) => event.type === 'notification');
      expect(
        live.length,
        say(
          'Your server sent no "notification" event within 8 s (TODO 2.5).',
          'Dein Server hat innerhalb von 8 s kein "notification"-Event gesendet (TODO 2.5).',
        ),
      ).toBeGreaterThan(0);
      expect(
        isNotificationList(live.map((event) => JSON.parse(event.data))),
        say(
          'Each "notification" event should carry one notification as JSON (TODO 2.5).',
          'Jedes "notification"-Event sollte genau eine Benachrichtigung als JSON enthalten (TODO 2.5).',
        ),
      ).toBe(true);
    },
  );

  test(say('the page uses your server', 'die Seite nutzt deinen Server'), async ({ page, exercise }) => {
    pageConnects.require();
    serverStreams.require();
    exercise.requireStudentServer();
    const streamRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/sse')) streamRequests.push(request.url());
    });
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).rows.first(),
      say('Do Part 1 first.', 'Erledige zuerst Teil 1.'),
    ).toBeVisible();
    expect(
      streamRequests,
      say(
        'The page still listens to the reference server: switch client/index.ts to YOUR_SERVER (TODO 2.6).',
        'Die Seite hört noch auf den Referenzserver: Stell client/index.ts auf YOUR_SERVER um (TODO 2.6).',
      ),
    ).toContain(`${exercise.studentUrlForPage}/sse`);
  });
  test(
    say(
      'Bonus: your server sends a keep-alive comment on an idle stream (TODO 2.7)',
      'Bonus: dein Server sendet auf einem ruhigen Stream einen keep-alive-Kommentar (TODO 2.7)',
    ),
    async ({ exercise }) => {
      serverStreams.require();
      exercise.requireStudentServer();
      const stream = await captureStream(`${exercise.studentUrl}/sse`);
      try {
        await expect
          .poll(() => stream.rawText(), {
            message: say(
              `No comment line (": keep-alive") within ${4 * KEEP_ALIVE_MS} ms: send formatSseComment("keep-alive") ` +
                'every options.keepAliveMs, and stop the timer when the stream closes (TODO 2.7).',
              `Keine Kommentarzeile (": keep-alive") innerhalb von ${4 * KEEP_ALIVE_MS} ms: Sende alle options.keepAliveMs ` +
                'formatSseComment("keep-alive") und stoppe den Timer, wenn der Stream schließt (TODO 2.7).',
            ),
            timeout: 4 * KEEP_ALIVE_MS,
          })
          .toMatch(/^: ?keep-alive/m);
      } finally {
        stream.close();
      }
    },
  );

  test(
    say(
      'Bonus: your server resumes from Last-Event-ID with what was missed (TODO 2.8)',
      'Bonus: dein Server macht ab Last-Event-ID weiter und schickt, was verpasst wurde (TODO 2.8)',
    ),
    async ({ exercise }) => {
      serverStreams.require();
      exercise.requireStudentServer();
      const first = await captureStream(`${exercise.studentUrl}/sse`);
      await first.waitFor((events) => events.some((event) => event.type === 'initial'));
      first.close();
      const lastSeenId = first.events.at(-1)?.lastEventId ?? '';
      expect(
        lastSeenId,
        say(
          'Every event needs an id: line, or the browser has nothing to resume from (TODO 2.3).',
          'Jedes Event braucht eine id:-Zeile, sonst weiß der Browser nicht, wo er weitermachen soll (TODO 2.3).',
        ),
      ).not.toBe('');

      const missed = [uniqueTitle('missed'), uniqueTitle('missed')];
      for (const title of missed) {
        expect((await publish(exercise.studentUrl, { title, message: 'sent while away' })).status).toBe(201);
      }
      const resumed = await captureStream(`${exercise.studentUrl}/sse`, { 'Last-Event-ID': lastSeenId });
      const missedArrived = () =>
        resumed.events
          .filter((event) => event.type === 'notification')
          .map((event) => (JSON.parse(event.data) as { title: string }).title)
          .filter((title) => missed.includes(title));
      try {
        // Done once the missed ones are in, or once an "initial" list shows the server started over.
        const startedOver = (events: ServerSentEvent[]) => events.some((event) => event.type === 'initial');
        await resumed.waitFor((events) => missedArrived().length >= missed.length || startedOver(events));
        expect(
          missedArrived(),
          say(
            'A browser that reconnects with Last-Event-ID should get the notifications it missed, each once, in ' +
              'order: send feed.framesAfter(lastEventId) (TODO 2.8).',
            'Ein Browser, der sich mit Last-Event-ID neu verbindet, sollte die verpassten Benachrichtigungen bekommen, ' +
              'jede genau einmal und in der richtigen Reihenfolge: Sende feed.framesAfter(lastEventId) (TODO 2.8).',
          ),
        ).toEqual(missed);
        expect(
          resumed.events.map((event) => event.type),
          say(
            'When the missed frames are known, send them instead of the initial list (TODO 2.8).',
            'Wenn die verpassten Frames bekannt sind, sende sie statt der Anfangsliste (TODO 2.8).',
          ),
        ).not.toContain('initial');
      } finally {
        resumed.close();
      }
    },
  );
});

// Servers of their own: a small buffer limit, and the flood posts thousands of notifications from one address.
const floodTest = exerciseTest.extend({
  serverEnv: {
    SSE_KEEP_ALIVE_MS: String(KEEP_ALIVE_MS),
    SSE_MAX_BUFFERED_BYTES: String(256 * 1024),
    POST_RATE_LIMIT_MAX_REQUESTS: '1000000',
  },
});

test.describe(
  say(
    'Part 2 · server (server/) · a client that stops reading',
    'Teil 2 · Server (server/) · ein Client, der nicht mehr liest',
  ),
  () => {
    // Skipped before its servers start when Part 2 has not begun.
    serverStreams.requireForGroup();

    floodTest(
      say(
        'Bonus: your server cuts off a client that stops reading (TODO 2.7)',
        'Bonus: dein Server trennt einen Client, der nicht mehr liest (TODO 2.7)',
      ),
      async ({ exercise }) => {
        exercise.requireStudentServer();
        const reader = await captureStream(`${exercise.studentUrl}/sse`);
        // It may run without the check of Part 2 (pnpm verify --part bonus): an unfinished stream is no place for a flood.
        const streaming = reader.response.status === 200;
        if (!streaming) reader.close();
        serverStreams.skipUnlessMet(streaming);
        expect(
          reader.response.status,
          say(
            `GET ${exercise.studentUrlAsTyped}/sse is no event stream yet`,
            `GET ${exercise.studentUrlAsTyped}/sse ist noch kein Event-Stream`,
          ),
        ).toBe(200);
        const stalled = await openStalledStream(exercise.studentUrl);
        try {
          await expect.poll(() => openStreams(exercise.studentUrl)).toBe(2);
          expect(
            await floodUntilStreamCutOff(exercise.studentUrl, reader, 2),
            say(
              'A client that stopped reading was never cut off: in send, destroy the response when its ' +
                'writableLength is above options.maxBufferedBytes (TODO 2.7).',
              'Ein Client, der nicht mehr liest, wurde nie getrennt: Beende in send die Response mit destroy(), sobald ihre ' +
                'writableLength über options.maxBufferedBytes liegt (TODO 2.7).',
            ),
          ).toBe(1);
        } finally {
          stalled.destroy();
          reader.close();
        }
      },
    );
  },
);

/** Runs in the page: listens to an event stream for a while and returns what arrived. */
function collectEvents({ url, waitMs }: { url: string; waitMs: number }) {
  return new Promise<{ received: ReceivedEvent[]; error?: string }>((resolve) => {
    const received: ReceivedEvent[] = [];
    const source = new EventSource(url);
    const finish = () => {
      source.close();
      resolve({ received });
    };
    const record = (event: Event) => {
      const message = event as MessageEvent<string>;
      received.push({ type: message.type, data: message.data });
      // Enough seen: the first event and one live notification.
      if (received.length > 1 && received.some((item) => item.type === 'notification')) finish();
    };
    for (const type of ['initial', 'notification', 'message']) source.addEventListener(type, record);
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return;
      resolve({ received, error: 'the stream was refused or closed' });
    });
    setTimeout(finish, waitMs);
  });
}

function isNotificationList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.every(
    (item) =>
      typeof item === 'object' &&
      item !== null &&
      ['id', 'title', 'message', 'time'].every((field) => field in item),
  );
}
