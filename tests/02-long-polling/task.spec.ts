// What exercise 02 asks for, checked in a real browser. `pnpm verify 02` runs it against your work.
import type { Page } from '@playwright/test';
import type { UpdatesAnswer } from '../../solutions/02-long-polling/protocol/messages';
import { expect, test } from '../harness/exercise-test';
import { notificationsPage } from '../harness/notifications-page';
import { runClockUntil } from '../harness/page-clock';
import { Prerequisite } from '../harness/prerequisite';
import {
  askForUpdates,
  currentCursor,
  cursorOfAnotherRun,
  isNotificationList,
  type PollResult,
  publish,
  readStats,
  startPoll,
  UPDATES_PATH,
  uniqueTitle,
} from './updates-client';

// A quiet server (no random notifications) that holds a request for 3 s, so every check is quick
// and nothing happens that a test did not cause.
const HOLD_MS = 3_000;
test.use({
  exerciseName: '02-long-polling',
  serverEnv: { LONG_POLL_TIMEOUT_MS: String(HOLD_MS), DEMO_NOTIFICATIONS: 'off' },
});

interface PollRecord {
  url: URL;
  status?: number;
  cursor?: string;
}

/** Publishes to both servers: the page may poll either, depending on TODO 2.6. */
async function publishToBoth(exercise: { referenceUrl: string; studentUrl: string }, body: unknown) {
  await Promise.all(
    [exercise.referenceUrl, exercise.studentUrl].map((url) => publish(url, body).catch(() => undefined)),
  );
}

/** Records every request the page makes for updates, in order, with what came back. */
function recordPolls(page: Page): PollRecord[] {
  const records: PollRecord[] = [];
  const byRequest = new Map<unknown, PollRecord>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== UPDATES_PATH) return;
    const record: PollRecord = { url };
    byRequest.set(request, record);
    records.push(record);
  });
  page.on('requestfinished', async (request) => {
    const record = byRequest.get(request);
    const response = await request.response();
    if (!record || !response) return;
    const status = response.status();
    if (status === 200) record.cursor = ((await response.json()) as UpdatesAnswer).cursor;
    record.status = status;
  });
  return records;
}

function describeAnswer(result: PollResult): string {
  return `HTTP ${result.status}${result.text ? ` ${result.text.slice(0, 200)}` : ''}`;
}

// The checks of a part build on its first one; when that fails, they are skipped with its TODOs.
const pageConnects = new Prerequisite('the page asks for updates and shows "Connected"', 'TODO 1.1–1.2');
const serverAnswers = new Prerequisite('your server answers the first request', 'TODO 2.1');

test.describe('Part 1 · client (client/index.ts)', () => {
  test('shows that it is connected', async ({ page, exercise }) => {
    pageConnects.establishedHere();
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).status,
      'The status should say "Connected" once the first answer is in: write the poll loop (TODO 1.1) and ' +
        'requestUpdates (TODO 1.2); handleAnswer already calls showReceiving().',
    ).toContainText('Connected');
  });

  test('fills the table with the "initial" notifications', async ({ page, exercise }) => {
    pageConnects.require();
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).rows.first(),
      'The table is empty: on an "initial" answer call showInitial(answer.notifications) (TODO 1.3).',
    ).toBeVisible();
  });

  test('asks again at once, each time with the cursor of the last answer', async ({ page, exercise }) => {
    pageConnects.require();
    const polls = recordPolls(page);
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).rows.first(),
      'Do the "initial" answer first (TODO 1.3).',
    ).toBeVisible();
    await publishToBoth(exercise, { title: uniqueTitle('cursor check'), message: 'x' });

    await expect
      .poll(() => polls.filter((poll) => poll.status === 204).length, {
        message:
          `After the news the page should ask again and wait; the server answers 204 after ${HOLD_MS / 1000} s ` +
          'of nothing new. Loop in pollForever (TODO 1.1), with ?since=<cursor> (TODO 1.2).',
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    await expect
      .poll(() => polls.length - 1 - polls.findIndex((poll) => poll.status === 204), {
        message: 'After a 204 (nothing new in time) the page should ask again at once (TODO 1.1).',
        timeout: 3_000,
      })
      .toBeGreaterThan(0);

    expect(
      polls[0]?.url.searchParams.has('since'),
      'The first request has no cursor yet: leave ?since= out (TODO 1.2).',
    ).toBe(false);
    let lastCursor: string | undefined;
    for (const [index, poll] of polls.entries()) {
      if (index > 0) {
        expect(
          poll.url.searchParams.get('since'),
          `Request ${index + 1} should ask with ?since=${lastCursor}, the cursor of the last answer. ` +
            'Remember answer.cursor (TODO 1.3) and send it along (TODO 1.2).',
        ).toBe(lastCursor);
      }
      // Still running: what it brings decides the next request, which is not checked yet.
      if (poll.status === undefined) break;
      if (poll.cursor !== undefined) lastCursor = poll.cursor;
    }
  });

  test('adds each new notification to the table and flashes it', async ({ page, exercise }) => {
    pageConnects.require();
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.rows.first(), 'Do the "initial" answer first (TODO 1.3).').toBeVisible();
    const title = uniqueTitle('New notification');

    await publishToBoth(exercise, { title, message: 'published by the test' });

    await expect(
      ui.rowWithText(title),
      'A notification published on the server did not show up within 5 s: ask again after each answer ' +
        '(TODO 1.1) and show each "notification" change with showNew (TODO 1.4).',
    ).toHaveCount(1, { timeout: 5_000 });
    await expect(
      ui.toasts.filter({ hasText: title }),
      'A new notification should also pop up as a toast: showNew does that (TODO 1.4).',
    ).toBeVisible();
  });

  test('backs off and retries when a request fails', async ({ page, exercise }) => {
    pageConnects.require();
    const ui = notificationsPage(page);
    let failing = false;
    let failures = 0;
    await page.route(
      (url) => url.pathname === UPDATES_PATH,
      async (route) => {
        if (!failing) return route.continue();
        failures += 1;
        return route.abort('connectionrefused');
      },
    );
    // When each request started and failed, on the page's own clock: measured here, a busy test machine
    // would blur it.
    await page.addInitScript((updatesPath) => {
      const requests: { startedAt: number; failedAt?: number }[] = [];
      Object.assign(window, { updateRequests: requests });
      const originalFetch = window.fetch.bind(window);
      window.fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input), location.href);
        if (url.pathname !== updatesPath) return originalFetch(input, init);
        const record: { startedAt: number; failedAt?: number } = { startedAt: performance.now() };
        requests.push(record);
        try {
          return await originalFetch(input, init);
        } catch (error) {
          record.failedAt = performance.now();
          throw error;
        }
      };
    }, UPDATES_PATH);
    const updateRequests = () =>
      page.evaluate(
        () =>
          (window as unknown as { updateRequests: { startedAt: number; failedAt?: number }[] })
            .updateRequests,
      );
    // The page's timers run on a clock the test moves forward: seconds of backoff pass in moments.
    await page.clock.install();
    await page.goto(exercise.pageUrl);
    await expect(ui.status, 'Do TODO 1.1 to 1.3 first.').toContainText('Connected');

    failing = true;
    // A notification ends the request the server holds now, so the page asks again at once, and fails.
    await publishToBoth(exercise, { title: uniqueTitle('Before the cut'), message: 'x' });
    await runClockUntil(page, () => failures >= 5);
    expect(
      failures,
      'After a failed request the page should try again: catch the error in pollForever, wait, and ask ' +
        'again (TODO 1.5).',
    ).toBeGreaterThanOrEqual(5);
    await expect(
      ui.status,
      'While requests fail, the status should say so: showRetrying(delay) (TODO 1.5).',
    ).toContainText('Connection error');
    // The clock stopped moving at the fifth failure, long before the next try: the last five are the failed
    // ones. A wait is from a failure to the next try; how long the failure took to arrive does not count.
    const failed = (await updateRequests()).slice(-5);
    const gaps = failed
      .slice(1)
      .map((next, index) => Math.round(next.startedAt - (failed[index]?.failedAt ?? next.startedAt)));
    expect(
      gaps[0],
      `The page asked again after ${gaps[0]} ms: wait retryDelay(failuresInARow) first (TODO 1.5).`,
    ).toBeGreaterThanOrEqual(400);
    // Doubled three times, the fourth wait is at least 4 s against at most 1 s for the first, jitter and all.
    expect(
      gaps[3],
      `The waits were ${gaps.join(', ')} ms: each failure in a row should double the wait ` +
        '(retryDelay in client/retry-delay.ts, TODO 1.5).',
    ).toBeGreaterThan(3 * (gaps[0] ?? 0));

    failing = false;
    await runClockUntil(page, async () => (await ui.status.textContent())?.includes('Connected') ?? false);
    await expect(
      ui.status,
      'Once the server answers again, the page should go on polling and say "Connected".',
    ).toContainText('Connected');
  });

  test('Bonus: the progress toast climbs to 100 % and then leaves', async ({ page, exercise }) => {
    pageConnects.require();
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.status, 'Do TODO 1.1 to 1.3 first.').toContainText('Connected');
    await publishToBoth(exercise, { title: uniqueTitle('Uploading'), message: 'x', type: 'progress' });

    const toast = ui.progressToasts.first();
    await expect(
      toast,
      'No progress toast: show "notification" changes with showNew (TODO 1.4).',
    ).toBeVisible();
    await expect(
      toast.getByRole('progressbar'),
      'The progress never reached 100 %: show "notification-update" changes with showUpdate (TODO 1.6).',
    ).toHaveJSProperty('value', 100, { timeout: 20_000 });
    await expect(toast, 'A finished progress toast should leave by itself.').toBeHidden({ timeout: 10_000 });
  });

  test('the page runs without errors', async ({ page, exercise, pageErrors }) => {
    pageConnects.require();
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).rows.first(),
      'Do the "initial" answer first (TODO 1.3).',
    ).toBeVisible();
    expect(pageErrors, 'The page threw errors; open the browser console (F12) to see them.').toEqual([]);
  });
});

test.describe('Part 2 · server (server/)', () => {
  test('your server answers the first request with the whole list and a cursor', async ({ exercise }) => {
    serverAnswers.establishedHere();
    exercise.requireStudentServer();
    const result = await askForUpdates(exercise.studentUrl);

    expect(
      result.status,
      `GET ${UPDATES_PATH} without since should answer 200 at once (TODO 2.1); it answered ${describeAnswer(result)}.`,
    ).toBe(200);
    const answer = result.body as Partial<UpdatesAnswer> | undefined;
    expect(answer?.kind, 'The first answer should have kind "initial" (TODO 2.1: initialAnswer(feed)).').toBe(
      'initial',
    );
    expect(typeof answer?.cursor, 'The first answer needs a cursor (TODO 2.1: initialAnswer(feed)).').toBe(
      'string',
    );
    expect(
      answer?.kind === 'initial' && isNotificationList(answer.notifications),
      'The first answer should list the notifications with id, title, message and time (TODO 2.1).',
    ).toBe(true);
  });

  test('your server answers at once with everything after the cursor, in order', async ({ exercise }) => {
    serverAnswers.require();
    exercise.requireStudentServer();
    const cursor = await currentCursor(exercise.studentUrl);
    const titles = [uniqueTitle('missed'), uniqueTitle('missed'), uniqueTitle('missed')];
    for (const title of titles)
      await publish(exercise.studentUrl, { title, message: 'between two requests' });

    const result = await askForUpdates(exercise.studentUrl, cursor, { signal: AbortSignal.timeout(5_000) });

    expect(
      result.elapsedMs,
      'Three notifications were already newer than the cursor, so the answer should come at once (TODO 2.2).',
    ).toBeLessThan(HOLD_MS / 2);
    expect(
      result.status,
      `With news after the cursor, answer 200 (TODO 2.2); your server answered ${describeAnswer(result)}.`,
    ).toBe(200);
    const answer = result.body as UpdatesAnswer;
    expect(answer.kind, 'News after a cursor is a "changes" answer (TODO 2.2: changesAnswer).').toBe(
      'changes',
    );
    if (answer.kind !== 'changes') return;
    expect(answer.cursor, 'The answer needs the new cursor (feed.cursor) (TODO 2.2).').not.toBe(cursor);
    expect(
      answer.changes.map((change) => change.notification.title),
      'The answer should carry every change after the cursor, oldest first (feed.changesAfter) (TODO 2.2).',
    ).toEqual(titles);
    expect(answer.changes.map((change) => change.event)).toEqual([
      'notification',
      'notification',
      'notification',
    ]);
  });

  test('your server holds a request until something new arrives', async ({ exercise }) => {
    serverAnswers.require();
    exercise.requireStudentServer();
    const cursor = await currentCursor(exercise.studentUrl);
    const poll = startPoll(exercise.studentUrl, cursor);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      poll.result,
      'Nothing was new, so your server should hold the request instead of answering at once (TODO 2.3); it ' +
        `answered ${poll.result ? describeAnswer(poll.result) : ''}.`,
    ).toBeUndefined();

    const title = uniqueTitle('while you waited');
    await publish(exercise.studentUrl, { title, message: 'arrives on the held request' });
    await expect
      .poll(() => poll.result, {
        message:
          'A notification arrived, but the held request was not answered: in TODO 2.3 answer it on the ' +
          "feed's next change (feed.subscribe, held.answer); in TODO 2.4 held.answer sends the JSON.",
        timeout: HOLD_MS / 2,
      })
      .toBeDefined();
    const answer = poll.result?.body as UpdatesAnswer | undefined;
    expect(
      answer?.kind === 'changes' ? answer.changes.map((change) => change.notification.title) : [],
      'The held request should be answered with the new notification as a "changes" answer (TODO 2.3).',
    ).toEqual([title]);
  });

  test('your server answers 204 when nothing new came in time', async ({ exercise }) => {
    serverAnswers.require();
    exercise.requireStudentServer();
    const cursor = await currentCursor(exercise.studentUrl);
    const result = await askForUpdates(exercise.studentUrl, cursor, {
      signal: AbortSignal.timeout(HOLD_MS + 5_000),
    }).catch(() => undefined);

    expect(
      result,
      `Your server held the request for more than ${HOLD_MS / 1000 + 5} s; the tests set LONG_POLL_TIMEOUT_MS to ` +
        `${HOLD_MS} ms. Answer 204 when the time is up (TODO 2.4).`,
    ).toBeDefined();
    expect(
      result?.status,
      `After the time is up with nothing new, answer 204 No Content (TODO 2.4); got ${result ? describeAnswer(result) : ''}.`,
    ).toBe(204);
    expect(
      result?.elapsedMs,
      `The 204 came after ${result?.elapsedMs} ms: hold the request for timeoutMs (${HOLD_MS} ms) first (TODO 2.4).`,
    ).toBeGreaterThanOrEqual(HOLD_MS - 200);
  });

  test('your server lets go of a request when its client goes away', async ({ exercise }) => {
    serverAnswers.require();
    exercise.requireStudentServer();
    const before = await readStats(exercise.studentUrl);
    const cursor = await currentCursor(exercise.studentUrl);
    const polls = Array.from({ length: 10 }, () => startPoll(exercise.studentUrl, cursor));
    await expect
      .poll(async () => (await readStats(exercise.studentUrl)).waitingRequests, {
        message: 'GET /stats should count 10 held requests: hold them with heldRequests.hold (TODO 2.3).',
        timeout: HOLD_MS / 2,
      })
      .toBe(before.waitingRequests + 10);

    for (const poll of polls) poll.abort();

    await expect
      .poll(async () => (await readStats(exercise.studentUrl)).waitingRequests, {
        message:
          'The clients went away, but your server still counts them as waiting: remove the response from ' +
          "the set when it closes (TODO 2.5: response.on('close')).",
      })
      .toBe(before.waitingRequests);
    await expect
      .poll(async () => (await readStats(exercise.studentUrl)).waitTimers, {
        message: 'The clients went away, but their timers still run: clear them on close (TODO 2.5).',
      })
      .toBe(before.waitTimers);
    await expect
      .poll(async () => (await readStats(exercise.studentUrl)).changeListeners, {
        message:
          'The clients went away, but their feed listeners are still there: unsubscribe when the request ' +
          'ends (held.onEnd) (TODO 2.3).',
      })
      .toBe(before.changeListeners);
  });

  test('the page uses your server', async ({ page, exercise }) => {
    pageConnects.require();
    serverAnswers.require();
    exercise.requireStudentServer();
    const requests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === UPDATES_PATH) requests.push(url.origin);
    });
    await page.goto(exercise.pageUrl);
    await expect(notificationsPage(page).rows.first(), 'Do Part 1 first.').toBeVisible();
    expect(
      requests,
      'The page still polls the reference server: switch client/index.ts to YOUR_SERVER (TODO 2.6).',
    ).toContain(exercise.studentUrlForPage);
  });

  test('Bonus: your server starts a client over when its cursor is too old', async ({ exercise }) => {
    serverAnswers.require();
    exercise.requireStudentServer();
    const cursor = cursorOfAnotherRun(await currentCursor(exercise.studentUrl));
    const result = await askForUpdates(exercise.studentUrl, cursor, {
      signal: AbortSignal.timeout(HOLD_MS + 5_000),
    }).catch(() => undefined);

    expect(
      result?.elapsedMs,
      `A cursor from before a restart (${cursor}) can never be continued: answer at once (TODO 2.7).`,
    ).toBeLessThan(HOLD_MS / 2);
    expect(
      (result?.body as Partial<UpdatesAnswer> | undefined)?.kind,
      'When feed.changesAfter(since) is undefined, send the whole list again: initialAnswer(feed) (TODO 2.7).',
    ).toBe('initial');
  });
});
