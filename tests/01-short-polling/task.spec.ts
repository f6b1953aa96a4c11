// What exercise 01 asks for, checked in a real browser. `pnpm verify 01` runs it against your work.
// The page is opened with `?interval=500`, so it polls every 500 ms here instead of every 5 s.
import { expect, test } from '../harness/exercise-test';
import { notificationsPage, recordFlashes } from '../harness/notifications-page';
import { runClockUntil } from '../harness/page-clock';
import { Prerequisite } from '../harness/prerequisite';
import {
  delay,
  FAST_INTERVAL_MS,
  FAST_PAGE,
  isNotificationList,
  POLL_PATH,
  publish,
  publishToBoth,
  recordFetches,
  recordPolls,
  recordStatusStates,
  recordToastProgress,
  recordToastsFromStart,
  setTabVisibility,
  uniqueTitle,
} from './polling-page';

test.use({ exerciseName: '01-short-polling' });

// The checks of a part build on its first one; when that fails, they are skipped with its TODOs.
const pageConnects = new Prerequisite('the page polls and shows "Connected"', 'TODO 1.1–1.2');
const serverAnswers = new Prerequisite('your server answers GET /api/notifications', 'TODO 2.1');

test.describe('Part 1 · client (client/index.ts, client/notification-display.ts)', () => {
  test('shows that it is connected', async ({ page, exercise }) => {
    pageConnects.establishedHere();
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(
      notificationsPage(page).status,
      'The status should say "Connected": after a successful answer call showStatus("open", …) (TODO 1.2).',
    ).toContainText('Connected');
  });

  test('fills the table from the first answer, without toasts', async ({ page, exercise }) => {
    pageConnects.require();
    const toasts = await recordToastsFromStart(page);
    const ui = notificationsPage(page);
    const firstAnswer = page.waitForResponse(
      (response) => response.url().includes(POLL_PATH) && response.request().method() === 'GET',
    );
    // Without any answer the check below fails with its hint; this wait must not add a second error.
    firstAnswer.catch(() => {});
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(
      ui.rows.first(),
      'The table is empty: fetch POLL_URL and pass the JSON to showPollAnswer (TODO 1.1), then fill the ' +
        'table in showInitial (TODO 1.3).',
    ).toBeVisible();
    const first = (await (await firstAnswer).json()) as { id: string; type?: string; progress?: number }[];
    // An upload still running when the page opened gets a toast on its next step (updateFlashNotification
    // shows it to late joiners), so only plain and finished notifications count here.
    const firstIds = first
      .filter((item) => item.type !== 'progress' || item.progress === 100)
      .map((item) => item.id);
    await delay(3 * FAST_INTERVAL_MS);

    const flashedIds = (await toasts()).map((toast) => toast.id);
    expect(
      flashedIds.filter((id) => firstIds.includes(id)),
      'Notifications of the first answer are not news: showInitial adds rows, but flashes none (TODO 1.3).',
    ).toEqual([]);
  });

  test('shows a new notification as a row and a toast, exactly once', async ({ page, exercise }) => {
    pageConnects.require();
    const ui = notificationsPage(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.rows.first(), 'Do the first answer first (TODO 1.1 and 1.3).').toBeVisible();
    const flashedTitles = await recordFlashes(page);
    const title = uniqueTitle('New on the server');

    await publishToBoth(exercise, { title, message: 'Published by the test' });

    await expect(
      ui.rowWithText(title),
      'A new notification did not appear as a row: poll again after each answer (TODO 1.2) and add ' +
        'notifications you have not seen before to the table (TODO 1.4).',
    ).toHaveCount(1, { timeout: 5_000 });
    await expect(
      ui.toasts.filter({ hasText: title }),
      'A new notification should also pop up as a toast: call flashNotification (TODO 1.4).',
    ).toBeVisible();
    await delay(4 * FAST_INTERVAL_MS);
    expect(
      (await flashedTitles()).filter((flashed) => flashed === title),
      'The same notification was flashed again by a later poll: flash only ids the last answer did not have ' +
        '(TODO 1.4).',
    ).toHaveLength(1);
    await expect(
      ui.rowWithText(title),
      'A notification should have one row, however often you poll.',
    ).toHaveCount(1);
  });

  test('polls on the interval, and only after the last answer came', async ({ page, exercise }) => {
    pageConnects.require();
    // Every answer is held back for 0.8 s, longer than the interval (0.5 s): a setInterval loop would now send
    // requests that overlap. Times are taken here, where the requests are held, so that a slow test machine
    // cannot blur them.
    const held: { arrivedAt: number; releasedAt?: number }[] = [];
    let heldNow = 0;
    let mostHeldAtOnce = 0;
    await page.route(`**${POLL_PATH}*`, async (route) => {
      if (route.request().method() !== 'GET') {
        await route.continue();
        return;
      }
      const entry: { arrivedAt: number; releasedAt?: number } = { arrivedAt: Date.now() };
      held.push(entry);
      heldNow += 1;
      mostHeldAtOnce = Math.max(mostHeldAtOnce, heldNow);
      await delay(800);
      heldNow -= 1;
      entry.releasedAt = Date.now();
      await route.continue();
    });
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect
      .poll(() => held.filter((entry) => entry.releasedAt !== undefined).length, {
        message:
          'The page should ask again after each answer: schedule the next poll with setTimeout in ' +
          'scheduleNextPoll, after the answer (TODO 1.2).',
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3);

    expect(
      mostHeldAtOnce,
      'Two polls were open at the same time. Start the next one only after the answer came (setTimeout after ' +
        'the answer, not setInterval) (TODO 1.2).',
    ).toBe(1);
    for (const [index, entry] of held.entries()) {
      const previous = held[index - 1];
      if (!previous?.releasedAt) continue;
      expect(
        entry.arrivedAt - previous.releasedAt,
        `After an answer, the page should wait the interval (${FAST_INTERVAL_MS} ms here) before it asks again ` +
          '(TODO 1.2).',
      ).toBeGreaterThanOrEqual(FAST_INTERVAL_MS - 50);
    }
  });

  test('shows a failed poll and retries with a growing delay', async ({ page, exercise }) => {
    pageConnects.require();
    const fetches = await recordFetches(page);
    const ui = notificationsPage(page);
    // The page's timers run on a clock the test moves forward: seconds of backoff pass in moments.
    await page.clock.install();
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.status, 'Do TODO 1.2 first.').toContainText('Connected');

    await page.route(`**${POLL_PATH}*`, (route) => route.abort('connectionrefused'));
    const failedFrom = (await fetches()).length;
    await runClockUntil(
      page,
      async () => (await ui.status.textContent())?.includes('Connection error') ?? false,
    );
    await expect(
      ui.status,
      'When a poll fails, show it: showStatus("error", "retrying in …") (TODO 1.5).',
    ).toContainText('Connection error');
    await runClockUntil(page, async () => (await fetches()).length - failedFrom >= 5);
    expect(
      (await fetches()).length - failedFrom,
      'After a failed poll the page should try again, and again (TODO 1.5).',
    ).toBeGreaterThanOrEqual(5);

    // Times from the page's own clock: from each failure to the next try, so that how long a failure took
    // to arrive (longer on a busy machine) does not count as waiting.
    const failed = (await fetches()).slice(failedFrom);
    const gaps = failed
      .slice(1)
      .map((next, index) => Math.round(next.startedAt - (failed[index]?.failedAt ?? next.startedAt)));
    // Doubled three times, the fourth wait is at least four times the longest first one, jitter and all.
    expect(
      gaps[3] ?? 0,
      `The delay between failed polls should double with each failure (retryDelayMs(failuresInARow, …)); the gaps were ${gaps.join(', ')} ms (TODO 1.5).`,
    ).toBeGreaterThan(3 * (gaps[0] ?? 0));

    await page.unroute(`**${POLL_PATH}*`);
    await runClockUntil(page, async () => (await ui.status.textContent())?.includes('Connected') ?? false);
    await expect(
      ui.status,
      'Once the server answers again, the page should say "Connected" again (TODO 1.5).',
    ).toContainText('Connected');
  });

  test('Bonus: the progress toast climbs to 100 % and then leaves', async ({ page, exercise }) => {
    pageConnects.require();
    const progressOf = await recordToastProgress(page);
    const ui = notificationsPage(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.rows.first(), 'Do the first answer first (TODO 1.1 and 1.3).').toBeVisible();
    const title = uniqueTitle('Uploading');
    await publishToBoth(exercise, { title, message: 'slides.pdf', type: 'progress' });

    const toast = ui.progressToasts.filter({ hasText: title });
    await expect(
      toast,
      'No progress toast appeared: flash new progress notifications too (TODO 1.4).',
    ).toBeVisible({ timeout: 5_000 });
    await expect
      .poll(async () => Math.max(...(await progressOf(title))), {
        message:
          'The progress never reached 100 %: when a known notification changed, update its row and toast ' +
          '(addToTable, updateFlashNotification) (TODO 1.6).',
        timeout: 20_000,
      })
      .toBe(100);
    await expect(toast, 'A finished progress toast should leave by itself.').toBeHidden({ timeout: 10_000 });
  });

  test('Bonus: sends the last ETag and takes 304 as "nothing new"', async ({ page, exercise }) => {
    pageConnects.require();
    const fetches = await recordFetches(page);
    const states = await recordStatusStates(page);
    const ui = notificationsPage(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.status, 'Do TODO 1.2 first.').toContainText('Connected');

    await expect
      .poll(async () => (await fetches()).some((seen) => seen.ifNoneMatch !== null), {
        message:
          'The page never sent If-None-Match: send the ETag of the last answer with every poll (TODO 1.7).',
        timeout: 5_000,
      })
      .toBe(true);
    await expect
      .poll(async () => (await fetches()).some((seen) => seen.status === 304), {
        message:
          'The server never answered 304 Not Modified: send the ETag header of the last 200 answer as ' +
          'If-None-Match, exactly as it came (TODO 1.7).',
        timeout: 15_000,
      })
      .toBe(true);
    await delay(2 * FAST_INTERVAL_MS);
    expect(
      await states(),
      'The status showed an error although every poll was answered: a 304 is a good answer (the list did ' +
        'not change), not a failure (TODO 1.7).',
    ).not.toContain('error');
  });

  test('Bonus: pauses while the tab is hidden and polls at once when it is shown', async ({
    page,
    exercise,
  }) => {
    pageConnects.require();
    // A 2 s interval here, so that "at once" and "after the interval" are far apart.
    const intervalMs = 2_000;
    const fetches = await recordFetches(page);
    const ui = notificationsPage(page);
    // The page's timers run on a clock the test moves forward: the hidden seconds pass in moments.
    await page.clock.install();
    await page.goto(`${exercise.pageUrl}/?interval=${intervalMs}`);
    await expect(ui.status, 'Do TODO 1.2 first.').toContainText('Connected');

    const hiddenAt = await setTabVisibility(page, 'hidden');
    await page.clock.runFor(3 * intervalMs);
    const shownAt = await setTabVisibility(page, 'visible');
    // A poll that was already on its way when the tab was hidden may finish; none may start later.
    const startedWhileHidden = (await fetches()).filter(
      (seen) => seen.startedAt > hiddenAt + 50 && seen.startedAt < shownAt,
    );
    expect(
      startedWhileHidden,
      'The page kept polling while the tab was hidden: stop the timer on "visibilitychange" when ' +
        'document.visibilityState is "hidden", and schedule nothing while hidden (TODO 1.8).',
    ).toHaveLength(0);

    const polledAgain = await runClockUntil(
      page,
      async () => (await fetches()).some((seen) => seen.startedAt >= shownAt),
      { maxMs: 3 * intervalMs },
    );
    expect(polledAgain, 'When the tab is shown again, the page should poll again (TODO 1.8).').toBe(true);
    const firstAfterShown = (await fetches()).find((seen) => seen.startedAt >= shownAt);
    expect(
      (firstAfterShown?.startedAt ?? Number.POSITIVE_INFINITY) - shownAt,
      'When the tab is shown again, poll at once, without waiting for the interval (TODO 1.8).',
    ).toBeLessThan(intervalMs / 2);
  });

  test('Bonus: after 429 Too Many Requests, waits as long as Retry-After says', async ({
    page,
    exercise,
  }) => {
    pageConnects.require();
    const ui = notificationsPage(page);
    const polls = recordPolls(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.status, 'Do TODO 1.2 first.').toContainText('Connected');

    let limitedAt = 0;
    await page.route(`**${POLL_PATH}*`, async (route) => {
      if (limitedAt !== 0 || route.request().method() !== 'GET') {
        await route.continue();
        return;
      }
      limitedAt = Date.now();
      await route.fulfill({
        status: 429,
        headers: {
          'Access-Control-Allow-Origin': exercise.pageUrl,
          'Access-Control-Expose-Headers': 'Retry-After',
          'Content-Type': 'application/json',
          'Retry-After': '3',
        },
        body: JSON.stringify({ error: 'Too many requests. Try again in 3 s.' }),
      });
    });
    await expect
      .poll(() => limitedAt, { message: 'The page stopped polling.', timeout: 5_000 })
      .toBeGreaterThan(0);
    await expect(
      ui.status,
      'While it waits after a 429, the page should not say "Connected": show the wait (TODO 1.9).',
    ).not.toContainText('Connected');
    await expect
      .poll(() => polls().filter((poll) => poll.startedAt > limitedAt).length, {
        message: 'After the wait the page should poll again (TODO 1.9).',
        timeout: 10_000,
      })
      .toBeGreaterThan(0);

    const next = polls().find((poll) => poll.startedAt > limitedAt);
    expect(
      (next?.startedAt ?? 0) - limitedAt,
      'The server said "Retry-After: 3": wait 3 s before the next poll (TODO 1.9).',
    ).toBeGreaterThanOrEqual(2_900);
    await expect(ui.status, 'After the wait, the page should be "Connected" again.').toContainText(
      'Connected',
    );
  });

  test('the page runs without errors', async ({ page, exercise, pageErrors }) => {
    pageConnects.require();
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(
      notificationsPage(page).rows.first(),
      'Do the first answer first (TODO 1.1 and 1.3).',
    ).toBeVisible();
    await delay(3 * FAST_INTERVAL_MS);
    expect(pageErrors, 'The page threw errors; open the browser console (F12) to see them.').toEqual([]);
  });
});

test.describe('Part 2 · server (server/poll-route.ts)', () => {
  test('your server answers GET /api/notifications with the list as JSON', async ({ exercise }) => {
    serverAnswers.establishedHere();
    exercise.requireStudentServer();
    const response = await fetch(`${exercise.studentUrl}${POLL_PATH}`, {
      headers: { Origin: exercise.pageUrl },
    });
    expect(
      response.status,
      `Your server answered ${POLL_PATH} with ${response.status}; it should be 200. Replace the placeholder ` +
        '501 answer in server/poll-route.ts (TODO 2.1).',
    ).toBe(200);
    expect(response.headers.get('content-type'), 'Answer with JSON: response.json(…) (TODO 2.1).').toMatch(
      /^application\/json/,
    );
    expect(
      response.headers.get('access-control-allow-origin'),
      'The CORS header is missing; the starter sets it in server/cors.ts, so do not remove allowOrigins from app.ts.',
    ).toBe(exercise.pageUrl);
    const body: unknown = await response.json();
    expect(
      isNotificationList(body) && (body as unknown[]).length > 0,
      'The answer should be a JSON array of notifications with id, title, message and time: feed.list() (TODO 2.1).',
    ).toBe(true);
  });

  test('a notification published to your server is in its next answer, last', async ({ exercise }) => {
    serverAnswers.require();
    exercise.requireStudentServer();
    const title = uniqueTitle('Published to your server');
    expect((await publish(exercise.studentUrl, { title, message: 'x' })).status).toBe(201);

    const response = await fetch(`${exercise.studentUrl}${POLL_PATH}`);
    expect(response.status, 'Do TODO 2.1 first.').toBe(200);
    const titles = ((await response.json()) as { title: string }[]).map((notification) => notification.title);
    expect(titles, 'Answer with every stored notification: feed.list() (TODO 2.1).').toContain(title);
    expect(
      titles.indexOf(title),
      'The list should be oldest first, as feed.list() returns it, so the newest is last (TODO 2.1).',
    ).toBeGreaterThan(titles.length - 5);
  });

  test('the page polls your server', async ({ page, exercise }) => {
    pageConnects.require();
    serverAnswers.require();
    exercise.requireStudentServer();
    const polls = recordPolls(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(notificationsPage(page).rows.first(), 'Do Part 1 first.').toBeVisible();
    expect(
      polls().map((poll) => poll.url),
      'The page still polls the reference server: switch client/index.ts to YOUR_SERVER (TODO 2.2).',
    ).toContain(`${exercise.studentUrlForPage}${POLL_PATH}`);
  });

  test('Bonus: your server answers 304 without a body while nothing changed', async ({ exercise }) => {
    serverAnswers.require();
    exercise.requireStudentServer();
    const url = `${exercise.studentUrl}${POLL_PATH}`;
    const first = await fetch(url);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag, 'Your answer has no ETag header: set it to etagFor(feed.version) (TODO 2.3).').toBeTruthy();
    expect(
      first.headers.get('cache-control'),
      'Keep Cache-Control: no-cache, so that caches ask again.',
    ).toContain('no-cache');

    // The generator may add a notification between two requests; then ask again with the new ETag.
    let conditional: Response | undefined;
    let sentEtag = etag ?? '';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      conditional = await fetch(url, { headers: { 'If-None-Match': sentEtag } });
      if (conditional.status === 304) break;
      await conditional.arrayBuffer();
      sentEtag = conditional.headers.get('etag') ?? '';
    }
    expect(
      conditional?.status,
      'A request whose If-None-Match equals the current ETag should get 304 Not Modified (TODO 2.3).',
    ).toBe(304);
    expect(await conditional?.text(), 'A 304 answer has no body (TODO 2.3).').toBe('');

    await publish(exercise.studentUrl, { title: uniqueTitle('changes the list'), message: 'x' });
    const afterChange = await fetch(url, { headers: { 'If-None-Match': sentEtag } });
    expect(
      afterChange.status,
      'After a new notification the old ETag must not match any more: 200 with the new list (TODO 2.3).',
    ).toBe(200);
    expect(afterChange.headers.get('etag'), 'A changed list needs a new ETag (TODO 2.3).').not.toBe(sentEtag);
  });
});
