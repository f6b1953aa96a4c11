// What the reference server and client of exercise 01 promise beyond the task. Runs against solutions/ only.
import { connect } from 'node:net';
import type { Locator } from '@playwright/test';
import { expect, test } from '../harness/exercise-test';
import { notificationsPage, recordFlashes } from '../harness/notifications-page';
import {
  delay,
  FAST_PAGE,
  isNotificationList,
  POLL_PATH,
  publish,
  recordPolls,
  recordToastsFromStart,
  uniqueTitle,
} from './polling-page';

// High limits: these tests send hundreds of polls and publish 100 at once on purpose. The poll limit has its
// own spec (rate-limit.reference.spec.ts), the publish limit its fault check (tests/faults).
test.use({
  exerciseName: '01-short-polling',
  serverEnv: { RATE_LIMIT_MAX_REQUESTS: '100000', POST_RATE_LIMIT_MAX_REQUESTS: '100000' },
  proxyStudentServer: true,
});

interface Stats {
  polls: { answered: number; notModified: number; tooManyRequests: number; pending: number };
  notificationsCreated: number;
  openConnections: number;
  rateLimitedClients: number;
  runningProgressTasks: number;
}

async function readStats(baseUrl: string): Promise<Stats> {
  const response = await fetch(`${baseUrl}/stats`);
  return (await response.json()) as Stats;
}

async function listTitles(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}${POLL_PATH}`);
  return ((await response.json()) as { title: string }[]).map((notification) => notification.title);
}

test('the task card names the addresses the page really uses for the reference server and yours', async ({
  page,
  exercise,
}) => {
  await page.goto(exercise.pageUrl);
  // The checks run on free ports: a card that still said 4000 would be wrong here, as after PORT=4001 pnpm dev.
  await expect(page.locator('.task-card')).toContainText(exercise.studentUrlForPage);
  // Part 1 names the reference server: with `pnpm dev --class` that is the class server, so students see which.
  await expect(page.locator('.task-card')).toContainText(exercise.referenceUrl);
});

test.describe('GET /api/notifications', () => {
  test('answers with JSON, CORS, an ETag and Cache-Control: no-cache; 304 without a body', async ({
    exercise,
  }) => {
    const url = `${exercise.studentUrl}${POLL_PATH}`;
    const response = await fetch(url, { headers: { Origin: exercise.pageUrl } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe(exercise.pageUrl);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag/i);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const etag = response.headers.get('etag') ?? '';
    expect(etag, 'a strong, quoted ETag').toMatch(/^"[^"]+"$/);
    expect(isNotificationList(await response.json())).toBe(true);

    let sentEtag = etag;
    let conditional = await fetch(url, { headers: { 'If-None-Match': sentEtag } });
    for (let attempt = 0; conditional.status !== 304 && attempt < 5; attempt += 1) {
      // The generator changed the list in between; try again with the newer ETag.
      await conditional.arrayBuffer();
      sentEtag = conditional.headers.get('etag') ?? '';
      conditional = await fetch(url, { headers: { 'If-None-Match': sentEtag } });
    }
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get('etag')).toBe(sentEtag);
    expect(await conditional.text()).toBe('');
    // The weak form in a list of ETags matches too; the generator may change the list meanwhile, as above.
    const listedEtags = () => fetch(url, { headers: { 'If-None-Match': `W/${sentEtag}, "other"` } });
    let listed = await listedEtags();
    for (let attempt = 0; listed.status !== 304 && attempt < 5; attempt += 1) {
      await listed.arrayBuffer();
      sentEtag = listed.headers.get('etag') ?? '';
      listed = await listedEtags();
    }
    expect(listed.status).toBe(304);
  });

  test('allows If-None-Match in the preflight and lets the browser remember it', async ({ exercise }) => {
    const response = await fetch(`${exercise.studentUrl}${POLL_PATH}`, {
      method: 'OPTIONS',
      headers: {
        Origin: exercise.pageUrl,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i);
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThanOrEqual(60);
  });

  test('does not let other origins read the list', async ({ exercise }) => {
    const response = await fetch(`${exercise.studentUrl}${POLL_PATH}`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('gives the newest notifications with ?limit', async ({ exercise }) => {
    const titles = [uniqueTitle('limit'), uniqueTitle('limit')];
    for (const title of titles) await publish(exercise.studentUrl, { title, message: 'x' });
    const response = await fetch(`${exercise.studentUrl}${POLL_PATH}?limit=2`);
    expect(response.status).toBe(200);
    const listed = ((await response.json()) as { title: string }[]).map((notification) => notification.title);
    // A generated notification may have come in between; the two are still the newest we published.
    expect(listed).toHaveLength(2);
    expect(titles.some((title) => listed.includes(title))).toBe(true);
  });

  test('100 notifications published within one second all arrive, each exactly once, in order', async ({
    page,
    exercise,
  }) => {
    const ui = notificationsPage(page);
    // 200 rows: the table shows the newest 50 by default, and this check counts all 100.
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}&rows=200`);
    await expect(ui.status).toContainText('Connected');
    const flashedTitles = await recordFlashes(page);

    const startedAt = Date.now();
    const created = await Promise.all(
      Array.from({ length: 100 }, async (_, index) => {
        const title = `burst ${index + 1} · ${uniqueTitle('burst')}`;
        const response = await publish(exercise.studentUrl, { title, message: 'one of a burst' });
        expect(response.status).toBe(201);
        return (await response.json()) as { id: string; title: string };
      }),
    );
    // Sent at once they take well under a second; a busy CI machine may need longer, which only makes it easier.
    const burstMs = Date.now() - startedAt;
    test
      .info()
      .annotations.push({ type: 'burst', description: `100 notifications published in ${burstMs} ms` });
    // Sent at once, they were created in the order the server received them: the order of their ids.
    const titles = created
      .sort((a, b) => sequenceNumber(a.id) - sequenceNumber(b.id))
      .map((notification) => notification.title);

    const isBurst = (title: string) => titles.includes(title);
    expect((await listTitles(exercise.studentUrl)).filter(isBurst), 'the server lists all, in order').toEqual(
      titles,
    );
    await expect
      .poll(async () => (await flashedTitles()).filter(isBurst), {
        message: 'the page flashes each once, in order',
        timeout: 10_000,
      })
      .toEqual(titles);
    const rowTitles = await ui.rows.evaluateAll((rows) =>
      rows.map((row) => row.querySelector('.cell-title')?.textContent ?? ''),
    );
    // The table shows the newest on top.
    expect(rowTitles.filter(isBurst), 'the table shows each once, in order').toEqual([...titles].reverse());
  });

  test('1,000 polls the client aborted leave nothing behind', async ({ exercise }) => {
    const url = `${exercise.studentUrl}${POLL_PATH}`;
    const baseline = await readStats(exercise.studentUrl);

    for (let batch = 0; batch < 20; batch += 1) {
      await Promise.all(Array.from({ length: 50 }, (_, index) => abortedPoll(url, (batch * 50 + index) % 3)));
    }

    await expect
      .poll(async () => (await readStats(exercise.studentUrl)).polls.pending, { timeout: 10_000 })
      .toBe(0);
    // Idle keep-alive connections close after the server's 5 s keep-alive timeout.
    await expect
      .poll(async () => (await readStats(exercise.studentUrl)).openConnections, { timeout: 15_000 })
      .toBeLessThanOrEqual(baseline.openConnections);
    const after = await readStats(exercise.studentUrl);
    expect(after.rateLimitedClients, 'one counter per client address, not per request').toBeLessThanOrEqual(
      3,
    );
    expect((await fetch(url)).status, 'the server still answers').toBe(200);
  });

  test('refuses bad query parameters and bodies with a JSON error and keeps running', async ({
    exercise,
  }) => {
    const base = exercise.studentUrl;
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${base}/notifications`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    const cases: [string, () => Promise<Response>, number][] = [
      ['an unknown parameter', () => fetch(`${base}${POLL_PATH}?since=5`), 400],
      ['a limit that is no number', () => fetch(`${base}${POLL_PATH}?limit=ten`), 400],
      ['a limit of 0', () => fetch(`${base}${POLL_PATH}?limit=0`), 400],
      ['a limit too large', () => fetch(`${base}${POLL_PATH}?limit=100000`), 400],
      ['a limit given twice', () => fetch(`${base}${POLL_PATH}?limit=1&limit=2`), 400],
      ['broken percent-encoding', () => fetch(`${base}${POLL_PATH}?limit=%E0%A4%A`), 400],
      ['an unknown path', () => fetch(`${base}/api/notification`), 404],
      ['malformed JSON', () => post('{"title": '), 400],
      ['an array', () => post('[]'), 400],
      ['a missing message', () => post('{"title":"x"}'), 400],
      ['an unknown field', () => post('{"title":"x","message":"y","html":true}'), 400],
      ['form data', () => post('title=x&message=y', 'application/x-www-form-urlencoded'), 415],
      ['an oversized body', () => post(JSON.stringify({ title: 'x', message: 'y'.repeat(40_000) })), 413],
    ];
    for (const [name, send, status] of cases) {
      const response = await send();
      expect(response.status, name).toBe(status);
      const body = (await response.json()) as { error?: unknown };
      expect(typeof body.error, `${name} gets a JSON error`).toBe('string');
    }
    expect((await fetch(`${base}${POLL_PATH}`)).status, 'the server is still up').toBe(200);
  });
});

test.describe('client', () => {
  test('shows an HTML/script payload as text and runs nothing', async ({ page, exercise, pageErrors }) => {
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
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

  test('polls every 5 s without ?interval, and says so', async ({ page, exercise }) => {
    const polls = recordPolls(page);
    await page.goto(exercise.pageUrl);
    await expect(notificationsPage(page).status).toContainText('polling every 5 s');
    await delay(2_000);
    expect(polls(), 'one poll at the start, the next one 5 s later').toHaveLength(1);
  });

  test('does not light up unchanged rows again on every poll', async ({ page, exercise }) => {
    const ui = notificationsPage(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.rows.first()).toBeVisible();
    const plainIdsOfFirstAnswer = await ui.rows.evaluateAll((rows) =>
      rows
        .filter((row) => row.querySelector('.cell-progress')?.textContent === '—')
        .map((row) => row.dataset.id),
    );
    // The highlight of the first answer lasts 2.5 s; after that only new or changed rows may light up.
    await delay(3_000);
    const highlighted = await ui.rows.evaluateAll((rows) =>
      rows.filter((row) => row.classList.contains('is-highlighted')).map((row) => row.dataset.id),
    );
    expect(highlighted.filter((id) => plainIdsOfFirstAnswer.includes(id))).toEqual([]);
  });

  test('recovers after the network drops and shows nothing twice', async ({ page, exercise }) => {
    const proxy = exercise.proxy;
    if (!proxy) throw new Error('this test needs proxyStudentServer');
    const ui = notificationsPage(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.status).toContainText('Connected');

    const flashedTitles = await recordFlashes(page);
    proxy.cut();
    await expect(ui.status, 'the page shows that polls fail').toContainText('retrying in');
    const titles = [uniqueTitle('while offline'), uniqueTitle('while offline')];
    for (const title of titles)
      await publish(exercise.studentUrl, { title, message: 'sent during the outage' });
    proxy.restore();

    await expect(ui.status, 'the page recovers by itself').toContainText('Connected', { timeout: 15_000 });
    for (const title of titles) {
      await expect(ui.rowWithText(title), `"${title}" arrives exactly once`).toHaveCount(1);
    }
    await expect
      .poll(flashedTitles, { message: 'each notification from the outage is flashed exactly once' })
      .toEqual(expect.arrayContaining(titles));
    await delay(1_000);
    const flashes = await flashedTitles();
    for (const title of titles) expect(flashes.filter((flashed) => flashed === title)).toHaveLength(1);
    const ids = await ui.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
    expect(new Set(ids).size, 'no row is shown twice').toBe(ids.length);
  });

  test('starts fresh after a server restart and still flashes new notifications', async ({
    page,
    exercise,
  }) => {
    const toasts = await recordToastsFromStart(page);
    const ui = notificationsPage(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(ui.status).toContainText('Connected');

    await exercise.restartStudentServer();
    const response = await fetch(`${exercise.studentUrl}${POLL_PATH}`);
    const samplesOfNewRun = ((await response.json()) as { id: string }[]).slice(0, 3).map((item) => item.id);
    const newRun = runOf(samplesOfNewRun[0] ?? '');
    // A restart between two polls leaves the page "Connected" throughout: wait until it shows the new run,
    // else the next poll brings the new notification together with the fresh list, which never flashes.
    await expect
      .poll(() => runsShown(ui.rows), {
        message: 'the page replaced the old rows with those of the restarted server',
        timeout: 15_000,
      })
      .toEqual([newRun]);
    const title = uniqueTitle('after restart');
    await publish(exercise.studentUrl, { title, message: 'ids start over on a new server run' });

    await expect(ui.rowWithText(title)).toHaveCount(1);
    await expect(ui.toasts.filter({ hasText: title })).toBeVisible();
    expect(await runsShown(ui.rows), 'the old rows were replaced, not mixed with the new run').toEqual([
      newRun,
    ]);
    const flashedIds = (await toasts()).map((toast) => toast.id);
    expect(
      flashedIds.filter((id) => samplesOfNewRun.includes(id)),
      'the fresh list of the restarted server is not flashed as news',
    ).toEqual([]);
  });
});

/** `"3fa9c1-42"` → `"3fa9c1"`: the server run an id comes from. */
function runOf(id: string): string {
  return id.split('-')[0] ?? '';
}

/** The server runs the rows on the page come from, each once. */
async function runsShown(rows: Locator): Promise<string[]> {
  const ids = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-id') ?? ''));
  return [...new Set(ids.map(runOf))];
}

/** `"3fa9c1-42"` → 42. */
function sequenceNumber(id: string): number {
  return Number(id.split('-').at(-1));
}

/**
 * One poll that the client gives up on, in one of three ways: before the answer (fetch aborted at once),
 * while the answer may be on its way (aborted a little later), or halfway through sending its request.
 */
async function abortedPoll(url: string, kind: number): Promise<void> {
  if (kind === 2) return halfSentRequest(url);
  const controller = new AbortController();
  const pending = fetch(url, { signal: controller.signal }).then((response) => response.arrayBuffer());
  if (kind === 0) controller.abort();
  else setTimeout(() => controller.abort(), Math.random() * 3);
  await pending.catch(() => {});
}

function halfSentRequest(url: string): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname, () => {
      // The request line and one header, but never the blank line that ends the head.
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\n`);
      setTimeout(() => socket.destroy(), 2);
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}
