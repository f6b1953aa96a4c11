// What the reference server and client of exercise 02 promise about holding and letting go of requests,
// measured on a quiet server (no random notifications) with a 5 s hold. Runs against solutions/ only.
import type { UpdatesAnswer } from '../../solutions/02-long-polling/protocol/messages';
import { expect, test } from '../harness/exercise-test';
import { notificationsPage } from '../harness/notifications-page';
import {
  askForUpdates,
  currentCursor,
  type PendingPoll,
  publish,
  readStats,
  type Stats,
  startPoll,
  UPDATES_PATH,
  uniqueTitle,
} from './updates-client';

const HOLD_MS = 5_000;
test.use({
  exerciseName: '02-long-polling',
  serverEnv: { LONG_POLL_TIMEOUT_MS: String(HOLD_MS), DEMO_NOTIFICATIONS: 'off' },
});

test.describe('held requests', () => {
  test('answers a held request with 204 when the time is up, and the cursor stays good', async ({
    exercise,
  }) => {
    const base = exercise.studentUrl;
    const cursor = await currentCursor(base);
    const result = await askForUpdates(base, cursor, { signal: AbortSignal.timeout(HOLD_MS + 5_000) });
    expect(result.status).toBe(204);
    expect(result.text).toBe('');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(HOLD_MS - 50);
    expect(result.elapsedMs).toBeLessThan(HOLD_MS + 2_000);

    const poll = startPoll(base, cursor);
    const title = uniqueTitle('after a 204');
    await publish(base, { title, message: 'x' });
    const answer = (await poll.promise).body as UpdatesAnswer;
    expect(answer.kind === 'changes' && answer.changes.map((change) => change.notification.title)).toEqual([
      title,
    ]);
    expect((await poll.promise).elapsedMs, 'a held request is answered the moment news arrives').toBeLessThan(
      1_000,
    );
  });

  test('leaves no listener, timer or held response behind after 1,000 aborted polls', async ({
    exercise,
  }) => {
    const base = exercise.studentUrl;
    const counts = (stats: Stats) => [stats.waitingRequests, stats.waitTimers, stats.changeListeners];
    const baseline = counts(await readStats(base));
    const cursor = await currentCursor(base);

    for (let round = 0; round < 10; round += 1) {
      const polls: PendingPoll[] = Array.from({ length: 100 }, () => startPoll(base, cursor));
      if (round % 2 === 0) {
        // Aborted while held.
        await expect
          .poll(async () => (await readStats(base)).waitingRequests, { timeout: HOLD_MS / 2 })
          .toBe((baseline[0] ?? 0) + 100);
      } else {
        // Aborted at any moment, some before the server has even read them.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      }
      for (const poll of polls) poll.abort();
      await Promise.allSettled(polls.map((poll) => poll.promise));
    }

    await expect.poll(async () => counts(await readStats(base)), { timeout: 5_000 }).toEqual(baseline);
    expect((await askForUpdates(base)).status, 'the server still answers').toBe(200);
  });

  test('stops on pagehide and goes on with the same cursor on pageshow (back/forward cache)', async ({
    page,
    exercise,
  }) => {
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.status).toContainText('Connected');
    const requests: URL[] = [];
    const cancelled: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === UPDATES_PATH) requests.push(url);
    });
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname === UPDATES_PATH) cancelled.push(request.url());
    });

    // Playwright's Chromium keeps no back/forward cache, so the test sends the events a cached page gets.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
    await expect.poll(() => cancelled.length, { message: 'the held request is cancelled' }).toBe(1);
    requests.length = 0;
    const title = uniqueTitle('while away');
    await publish(exercise.studentUrl, { title, message: 'published while the page was in the cache' });
    await page.waitForTimeout(500);
    expect(requests, 'no request while the page is away').toEqual([]);

    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    await expect(ui.rowWithText(title), 'what happened meanwhile arrives').toHaveCount(1);
    expect(requests[0]?.searchParams.has('since'), 'no fresh start: it asks with its cursor').toBe(true);
  });
});
