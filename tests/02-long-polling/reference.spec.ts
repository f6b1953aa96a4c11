// What the reference server and client of exercise 02 promise beyond the task. Runs against solutions/ only.
import type { Page } from '@playwright/test';
import type { Change, UpdatesAnswer } from '../../solutions/02-long-polling/protocol/messages';
import { expect, test } from '../harness/exercise-test';
import { notificationsPage, recordFlashes } from '../harness/notifications-page';
import {
  askForUpdates,
  collectChanges,
  currentCursor,
  cursorOfAnotherRun,
  publish,
  UPDATES_PATH,
  uniqueTitle,
} from './updates-client';

// As in class: random notifications, progress tasks and the 25 s hold. Timing promises that need a quiet
// server are in quiet.reference.spec.ts. The publish limit is high: a test publishes 100 at once on purpose
// (the limit has its fault check in tests/faults).
test.use({
  exerciseName: '02-long-polling',
  proxyStudentServer: true,
  serverEnv: { POST_RATE_LIMIT_MAX_REQUESTS: '100000' },
});

function titlesOf(changes: Change[], prefix: string, event = 'notification'): string[] {
  return changes
    .filter((change) => change.event === event && change.notification.title.startsWith(prefix))
    .map((change) => change.notification.title);
}

async function rowIds(page: Page): Promise<(string | null)[]> {
  return notificationsPage(page).rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
}

test.describe('long polling', () => {
  test('keeps the newest 50 rows and says how many older ones are not shown', async ({ page, exercise }) => {
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.status).toContainText('Connected');
    const prefix = uniqueTitle('many');
    for (let index = 0; index < 60; index += 1) {
      const response = await publish(exercise.studentUrl, {
        title: `${prefix} ${index}`,
        message: 'one of many',
      });
      expect(response.status).toBe(201);
    }
    // The server's own random notifications keep coming, one every few seconds, and may land between these
    // and on top (a busy machine once took 10 s for the 60 posts): look for ours, newest first, not at row 1.
    await expect(ui.rowWithText(`${prefix} 59`)).toHaveCount(1);
    await expect(ui.rows).toHaveCount(50);
    // Read in one go in the page: a new row may replace the first one at any moment.
    const order = await ui.rows.evaluateAll(
      (rows, titles) => titles.map((title) => rows.findIndex((row) => row.textContent?.includes(title))),
      [`${prefix} 59`, `${prefix} 58`],
    );
    expect(order[0] ?? -1, 'the newest first').toBeLessThan(order[1] ?? -1);
    await expect(page.locator('.notification-table tfoot')).toContainText(
      /\d+ older notifications are not shown/,
    );
    // On a phone the rows become blocks: the line under them must not squeeze them into one narrow column.
    await page.setViewportSize({ width: 390, height: 800 });
    const rowShare = () =>
      page.evaluate(() => {
        const table = document.querySelector('.notification-table')?.getBoundingClientRect();
        const row = document.querySelector('.notification-table tbody tr[data-id]')?.getBoundingClientRect();
        return (row?.width ?? 0) / (table?.width || 1);
      });
    await expect.poll(rowShare, { message: 'a row as wide as the table' }).toBeGreaterThan(0.9);
  });

  test('100 notifications published within one second all arrive, each exactly once, in order', async ({
    page,
    exercise,
  }) => {
    const ui = notificationsPage(page);
    // 200 rows: the table shows the newest 50 by default, and this check counts all 100.
    await page.goto(`${exercise.pageUrl}/?rows=200`);
    await expect(ui.status).toContainText('Connected');
    const flashedTitles = await recordFlashes(page);
    const prefix = uniqueTitle('burst');
    const titles = Array.from({ length: 100 }, (_, index) => `${prefix} ${index}`);
    const cursor = await currentCursor(exercise.studentUrl);
    const fromNode = collectChanges(exercise.studentUrl, cursor, (changes) => {
      return titlesOf(changes, prefix).length >= titles.length;
    });

    // Ten at a time, as fast as the server takes them; their order is the order the server created them in.
    const started = Date.now();
    const created: { id: string; title: string }[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, lane) => {
        for (const title of titles.filter((_title, index) => index % 10 === lane)) {
          const response = await publish(exercise.studentUrl, { title, message: 'burst' });
          expect(response.status).toBe(201);
          created.push((await response.json()) as { id: string; title: string });
        }
      }),
    );
    // Under 1 s on an idle machine. A busy CI machine may take longer; what is checked below holds either way.
    const publishMs = Date.now() - started;
    const inOrder = created.sort((a, b) => Number(a.id) - Number(b.id)).map((item) => item.title);

    const collected = await fromNode;
    expect(titlesOf(collected.changes, prefix), 'Node client: each once, in order').toEqual(inOrder);
    expect(collected.resets, 'Node client: never sent back to the start').toBe(0);
    test.info().annotations.push({
      type: 'burst',
      description: `published in ${publishMs} ms; a live Node client needed ${collected.requests} requests`,
    });
    const late = await collectChanges(exercise.studentUrl, cursor, (changes) => {
      return titlesOf(changes, prefix).length >= titles.length;
    });
    expect(titlesOf(late.changes, prefix), 'a client asking only now: each once, in order').toEqual(inOrder);
    expect(late.requests, 'a client asking only now gets all of them in one answer').toBe(1);

    await expect
      .poll(async () => (await ui.rows.allTextContents()).filter((text) => text.includes(prefix)).length, {
        message: 'every notification of the burst is a row in the page',
      })
      .toBe(titles.length);
    const shownTitles = await page
      .locator('[data-ui="notification-table"] tbody tr .cell-title')
      .allTextContents();
    expect(
      shownTitles.filter((title) => title.startsWith(prefix)).reverse(),
      'page: newest on top, so bottom to top is the order of creation',
    ).toEqual(inOrder);
    await expect
      .poll(async () => (await flashedTitles()).filter((title) => title.startsWith(prefix)), {
        message: 'page: each flashed exactly once, in order',
      })
      .toEqual(inOrder);
  });

  test('refuses bad queries and bodies with a JSON error and keeps running', async ({ exercise }) => {
    const base = exercise.studentUrl;
    const cursor = await currentCursor(base);
    const queries: [string, string][] = [
      ['an empty since', '?since='],
      ['a since that is no cursor', '?since=latest'],
      ['a since sent twice', `?since=${cursor}&since=${cursor}`],
      ['an unknown parameter', `?since=${cursor}&limit=5`],
      ['a bracketed parameter', '?since[gt]=1'],
      ['a huge since', `?since=${'9'.repeat(5_000)}`],
    ];
    for (const [name, query] of queries) {
      const result = await askForUpdates(base, undefined, { query, signal: AbortSignal.timeout(2_000) });
      expect(result.status, name).toBe(400);
      expect(typeof (result.body as { error?: unknown }).error, `${name} gets a JSON error`).toBe('string');
      expect(result.text.length, `${name}: the error does not echo the whole input`).toBeLessThan(400);
    }

    const url = `${base}/notifications`;
    const send = (body: string, contentType = 'application/json') =>
      fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    const bodies: [string, Promise<Response>, number][] = [
      ['malformed JSON', send('{"title": '), 400],
      ['an array', send('[]'), 400],
      ['a missing message', send('{"title":"x"}'), 400],
      ['an unknown field', send('{"title":"x","message":"y","html":true}'), 400],
      ['form data', send('title=x&message=y', 'application/x-www-form-urlencoded'), 415],
      ['an oversized body', send(JSON.stringify({ title: 'x', message: 'y'.repeat(40_000) })), 413],
    ];
    for (const [name, pending, status] of bodies) {
      const response = await pending;
      expect(response.status, name).toBe(status);
      const body = (await response.json()) as { error?: unknown };
      expect(typeof body.error, `${name} gets a JSON error`).toBe('string');
    }
    expect((await askForUpdates(base)).status, 'the server is still up').toBe(200);
  });

  test('answers only the page origin, and never from a cache', async ({ exercise }) => {
    const ask = (origin: string) =>
      fetch(`${exercise.studentUrl}${UPDATES_PATH}`, { headers: { Origin: origin } });
    const allowed = await ask(exercise.pageUrl);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(exercise.pageUrl);
    expect(allowed.headers.get('cache-control')).toBe('no-store');
    expect(allowed.headers.get('content-type')).toMatch(/^application\/json/);
    const other = await ask('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('starts a client over when its cursor is from another run or too old', async ({ exercise }) => {
    const base = exercise.studentUrl;
    const cursor = await currentCursor(base);
    const [run, count] = cursor.split('-');
    for (const stale of [cursorOfAnotherRun(cursor), `${run}-${Number(count) + 1_000_000}`]) {
      const result = await askForUpdates(base, stale, { signal: AbortSignal.timeout(2_000) });
      expect((result.body as UpdatesAnswer).kind, `${stale} gets a fresh start`).toBe('initial');
    }

    // The change log keeps the last 500 changes; 501 new ones push this cursor out.
    for (let index = 0; index < 501; index += 1) {
      await publish(base, { title: uniqueTitle('filler'), message: 'pushes old changes out' });
    }
    const result = await askForUpdates(base, cursor, { signal: AbortSignal.timeout(2_000) });
    const answer = result.body as UpdatesAnswer;
    expect(answer.kind, 'a cursor the log no longer reaches gets the whole list').toBe('initial');
    expect(answer.cursor).not.toBe(cursor);
  });

  test('delivers every progress update, to fast and slow clients alike', async ({ page, exercise }) => {
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.status).toContainText('Connected');
    const cursor = await currentCursor(exercise.studentUrl);
    const title = uniqueTitle('Uploading');
    const response = await publish(exercise.studentUrl, { title, message: 'x', type: 'progress' });
    const { id } = (await response.json()) as { id: string };

    const progressOf = (changes: Change[]) =>
      changes
        .filter((change) => change.event === 'notification-update' && change.notification.id === id)
        .map((change) => change.notification.progress);
    const isFinished = (changes: Change[]) => progressOf(changes).includes(100);
    const [fast, slow] = await Promise.all([
      collectChanges(exercise.studentUrl, cursor, isFinished, { timeoutMs: 30_000 }),
      collectChanges(exercise.studentUrl, cursor, isFinished, { timeoutMs: 30_000, pauseMs: 1_500 }),
    ]);

    const steps = progressOf(fast.changes);
    expect(steps.length, 'several updates on the way to 100 %').toBeGreaterThan(2);
    expect(steps, 'progress only climbs').toEqual([...steps].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(progressOf(slow.changes), 'a client that asks less often gets the same updates').toEqual(steps);
    expect(slow.requests, 'the slow client got several updates per answer').toBeLessThan(fast.requests);

    const row = ui.rowWithText(title);
    await expect(row.getByRole('progressbar')).toHaveJSProperty('value', 100);
  });

  test('shows an HTML/script payload as text and runs nothing', async ({ page, exercise, pageErrors }) => {
    await page.goto(exercise.pageUrl);
    await expect(notificationsPage(page).status).toContainText('Connected');
    const title = `<img src=x onerror="window.__injected = true">${uniqueTitle('xss')}`;
    const message = '<script>window.__injected = true</script><b>bold?</b>';

    await publish(exercise.studentUrl, { title, message });

    const row = notificationsPage(page).rowWithText(title);
    await expect(row).toContainText(message);
    await expect(page.locator('[data-ui] img, [data-ui] script, [data-ui] b')).toHaveCount(0);
    expect(await page.evaluate(() => 'injected' in window || '__injected' in window)).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  test('loses nothing while the network is cut, and shows nothing twice', async ({ page, exercise }) => {
    const proxy = exercise.proxy;
    if (!proxy) throw new Error('this test needs proxyStudentServer');
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.status).toContainText('Connected');

    const flashedTitles = await recordFlashes(page);
    proxy.cut();
    await expect(ui.status, 'the page shows that it lost the connection').toContainText('Connection error');
    const titles = [uniqueTitle('while offline'), uniqueTitle('while offline')];
    for (const title of titles)
      await publish(exercise.studentUrl, { title, message: 'sent during the outage' });
    proxy.restore();

    await expect(ui.status, 'the page reconnects by itself').toContainText('Connected', { timeout: 15_000 });
    for (const title of titles) {
      await expect(ui.rowWithText(title), `"${title}" arrives exactly once`).toHaveCount(1);
    }
    await expect
      .poll(flashedTitles, { message: 'each notification from the outage is flashed exactly once' })
      .toEqual(expect.arrayContaining(titles));
    const flashes = await flashedTitles();
    for (const title of titles) expect(flashes.filter((flashed) => flashed === title)).toHaveLength(1);
    const ids = await rowIds(page);
    expect(new Set(ids).size, 'no row is shown twice').toBe(ids.length);
  });

  test('starts fresh after a server restart and still flashes new notifications', async ({
    page,
    exercise,
  }) => {
    const ui = notificationsPage(page);
    await page.goto(exercise.pageUrl);
    await expect(ui.status).toContainText('Connected');
    await publish(exercise.studentUrl, { title: uniqueTitle('before restart'), message: 'x' });

    await exercise.restartStudentServer();
    await expect(ui.status).toContainText('Connected', { timeout: 15_000 });
    const title = uniqueTitle('after restart');
    await publish(exercise.studentUrl, { title, message: 'ids start over on a new server run' });

    await expect(ui.rowWithText(title)).toHaveCount(1, { timeout: 15_000 });
    await expect(ui.toasts.filter({ hasText: title })).toBeVisible();
    const ids = await rowIds(page);
    expect(new Set(ids).size, 'the old rows were replaced, not mixed with the new run').toBe(ids.length);
  });
});
