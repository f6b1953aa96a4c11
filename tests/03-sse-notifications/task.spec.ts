// What exercise 03 asks for, checked in a real browser. `pnpm verify 03` runs it against your work.

import type { ServerSentEvent } from '../../solutions/03-sse-notifications/client/sse-parser';
import { test as exerciseTest, expect } from '../harness/exercise-test';
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
const pageConnects = new Prerequisite('the page opens the EventSource and shows "Connected"', 'TODO 1.1–1.2');
const serverStreams = new Prerequisite(
  'your server streams "initial" and "notification" events',
  'TODO 2.1–2.5',
);

test.describe('Part 1 · client (client/index.ts)', () => {
  test('shows that it is connected', async ({ page, exercise }) => {
    pageConnects.establishedHere();
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).status,
      'The status should say "Connected": call setConnectionStatus("open") when the EventSource opens (TODO 1.2).',
    ).toContainText('Connected');
  });

  test('fills the table with the "initial" notifications', async ({ page, exercise }) => {
    pageConnects.require();
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).rows.first(),
      'The table is empty: on the "initial" event call showInitial(readData("initial", event.data)) ' +
        '(TODO 1.3 in client/index.ts), and fill the table there (TODO 1.3 in client/notification-display.ts).',
    ).toBeVisible();
  });

  test('adds each new notification to the table and flashes it', async ({ page, exercise }) => {
    pageConnects.require();
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.rows.first(), 'Do the "initial" event first (TODO 1.3).').toBeVisible();
    const before = await ui.rows.count();

    await expect
      .poll(() => ui.rows.count(), {
        message:
          'No new row appeared: on the "notification" event call showNew(readData("notification", event.data)) ' +
          '(TODO 1.4 in client/index.ts), and add the row there (TODO 1.4 in client/notification-display.ts).',
        timeout: 10_000,
      })
      .toBeGreaterThan(before);
    await expect(
      ui.toasts.first(),
      'A new notification should also pop up as a toast: flashNotification in showNew (TODO 1.4).',
    ).toBeVisible();
  });

  test('Bonus: the progress toast climbs to 100 % and then leaves', async ({ page, exercise }) => {
    pageConnects.require();
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    const toast = ui.progressToasts.first();
    await expect(
      toast,
      'No progress toast within 20 s: flash notifications with type "progress" too.',
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(
      toast.getByRole('progressbar'),
      'The progress never reached 100 %: on "notification-update" call updateFlashNotification (TODO 1.5).',
    ).toHaveJSProperty('value', 100, { timeout: 20_000 });
    await expect(toast, 'A finished progress toast should leave by itself.').toBeHidden({ timeout: 10_000 });
  });

  test('the page runs without errors', async ({ page, exercise, pageErrors }) => {
    pageConnects.require();
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).rows.first(),
      'Do the "initial" event first (TODO 1.3).',
    ).toBeVisible();
    expect(pageErrors, 'The page threw errors; open the browser console (F12) to see them.').toEqual([]);
  });
});

test.describe('Part 2 · server (server/)', () => {
  test('your server streams "initial" and then new "notification" events', async ({ page, exercise }) => {
    serverStreams.establishedHere();
    exercise.requireStudentServer();
    await page.goto(exercise.pageUrl);
    const events = await page.evaluate(collectEvents, { url: `${exercise.studentUrl}/sse`, waitMs: 8_000 });

    expect(
      events.error,
      `The browser could not read ${exercise.studentUrlAsTyped}/sse as an event stream. Check TODO 2.1: status 200, ` +
        'Content-Type text/event-stream, and the CORS header the starter already sets.',
    ).toBeUndefined();
    const initial = events.received.find((event) => event.type === 'initial');
    expect(initial, 'Your server sent no "initial" event (TODO 2.4).').toBeDefined();
    expect(
      isNotificationList(JSON.parse(initial?.data ?? 'null')),
      'The "initial" data should be a JSON array of notifications with id, title, message and time (TODO 2.4).',
    ).toBe(true);
    const live = events.received.filter((event) => event.type === 'notification');
    expect(live.length, 'Your server sent no "notification" event within 8 s (TODO 2.5).').toBeGreaterThan(0);
    expect(
      isNotificationList(live.map((event) => JSON.parse(event.data))),
      'Each "notification" event should carry one notification as JSON (TODO 2.5).',
    ).toBe(true);
  });

  test('the page uses your server', async ({ page, exercise }) => {
    pageConnects.require();
    serverStreams.require();
    exercise.requireStudentServer();
    const streamRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/sse')) streamRequests.push(request.url());
    });
    await page.goto(exercise.pageUrl);
    await expect(notificationsPage(page).rows.first(), 'Do Part 1 first.').toBeVisible();
    expect(
      streamRequests,
      'The page still listens to the reference server: switch client/index.ts to YOUR_SERVER (TODO 2.6).',
    ).toContain(`${exercise.studentUrlForPage}/sse`);
  });
  test('Bonus: your server sends a keep-alive comment on an idle stream (TODO 2.7)', async ({ exercise }) => {
    serverStreams.require();
    exercise.requireStudentServer();
    const stream = await captureStream(`${exercise.studentUrl}/sse`);
    try {
      await expect
        .poll(() => stream.rawText(), {
          message:
            `No comment line (": keep-alive") within ${4 * KEEP_ALIVE_MS} ms: send formatSseComment("keep-alive") ` +
            'every options.keepAliveMs, and stop the timer when the stream closes (TODO 2.7).',
          timeout: 4 * KEEP_ALIVE_MS,
        })
        .toMatch(/^: ?keep-alive/m);
    } finally {
      stream.close();
    }
  });

  test('Bonus: your server resumes from Last-Event-ID with what was missed (TODO 2.8)', async ({
    exercise,
  }) => {
    serverStreams.require();
    exercise.requireStudentServer();
    const first = await captureStream(`${exercise.studentUrl}/sse`);
    await first.waitFor((events) => events.some((event) => event.type === 'initial'));
    first.close();
    const lastSeenId = first.events.at(-1)?.lastEventId ?? '';
    expect(
      lastSeenId,
      'Every event needs an id: line, or the browser has nothing to resume from (TODO 2.3).',
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
        'A browser that reconnects with Last-Event-ID should get the notifications it missed, each once, in ' +
          'order: send feed.framesAfter(lastEventId) (TODO 2.8).',
      ).toEqual(missed);
      expect(
        resumed.events.map((event) => event.type),
        'When the missed frames are known, send them instead of the initial list (TODO 2.8).',
      ).not.toContain('initial');
    } finally {
      resumed.close();
    }
  });
});

// Servers of their own: a small buffer limit, and the flood posts thousands of notifications from one address.
const floodTest = exerciseTest.extend({
  serverEnv: {
    SSE_KEEP_ALIVE_MS: String(KEEP_ALIVE_MS),
    SSE_MAX_BUFFERED_BYTES: String(256 * 1024),
    POST_RATE_LIMIT_MAX_REQUESTS: '1000000',
  },
});

test.describe('Part 2 · server (server/) · a client that stops reading', () => {
  // Skipped before its servers start when Part 2 has not begun.
  serverStreams.requireForGroup();

  floodTest('Bonus: your server cuts off a client that stops reading (TODO 2.7)', async ({ exercise }) => {
    exercise.requireStudentServer();
    const reader = await captureStream(`${exercise.studentUrl}/sse`);
    // Its own worker may run before the check of Part 2 did: an unfinished stream is no place for a flood.
    const streaming = reader.response.status === 200;
    if (!streaming) reader.close();
    serverStreams.skipUnlessMet(streaming);
    expect(reader.response.status, `GET ${exercise.studentUrlAsTyped}/sse is no event stream yet`).toBe(200);
    const stalled = await openStalledStream(exercise.studentUrl);
    try {
      await expect.poll(() => openStreams(exercise.studentUrl)).toBe(2);
      expect(
        await floodUntilStreamCutOff(exercise.studentUrl, reader, 2),
        'A client that stopped reading was never cut off: in send, destroy the response when its ' +
          'writableLength is above options.maxBufferedBytes (TODO 2.7).',
      ).toBe(1);
    } finally {
      stalled.destroy();
      reader.close();
    }
  });
});

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
