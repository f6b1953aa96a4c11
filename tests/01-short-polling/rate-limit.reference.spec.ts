// The reference server's rate limit, with a limit low enough to reach: 4 polls per 6 s per client address.
// A file of its own, because the servers start once per file with the environment set here.
import { expect, test } from '../harness/exercise-test';
import { notificationsPage } from '../harness/notifications-page';
import { delay, FAST_PAGE, POLL_PATH, recordFetches } from './polling-page';

test.use({
  exerciseName: '01-short-polling',
  serverEnv: { RATE_LIMIT_MAX_REQUESTS: '4', RATE_LIMIT_WINDOW_MS: '6000' },
});

test('answers 429 with Retry-After and a JSON error, readable by the page', async ({ exercise }) => {
  const url = `${exercise.studentUrl}${POLL_PATH}`;
  let limited: Response | undefined;
  for (let attempt = 0; attempt < 10 && !limited; attempt += 1) {
    const response = await fetch(url, { headers: { Origin: exercise.pageUrl } });
    if (response.status === 429) limited = response;
    else await response.arrayBuffer();
  }
  if (!limited) throw new Error('the fifth poll within 6 s should be refused with 429');
  const retryAfter = Number(limited.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(6);
  expect(limited.headers.get('access-control-allow-origin')).toBe(exercise.pageUrl);
  expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);
  expect(((await limited.json()) as { error?: unknown }).error).toMatch(/Too many requests/);

  await delay(retryAfter * 1000);
  expect((await fetch(url)).status, 'after Retry-After the client may poll again').toBe(200);
});

test('the page waits as long as Retry-After says and shows it', async ({ page, exercise }) => {
  const fetches = await recordFetches(page);
  const ui = notificationsPage(page);
  await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
  await expect(ui.status).toContainText('too many requests', { timeout: 15_000 });

  const refusedIndex = (await fetches()).findIndex((seen) => seen.status === 429);
  await expect
    .poll(async () => (await fetches()).length, {
      message: 'the page polls again after the wait',
      timeout: 10_000,
    })
    .toBeGreaterThan(refusedIndex + 1);
  const seen = await fetches();
  const refused = seen[refusedIndex];
  const next = seen[refusedIndex + 1];
  const retryAfterMs = Number(refused?.retryAfter) * 1000;
  expect(retryAfterMs, 'the page can read Retry-After (CORS exposes it)').toBeGreaterThanOrEqual(1_000);
  expect(
    (next?.startedAt ?? 0) - (refused?.answeredAt ?? 0),
    'the page waited as long as Retry-After said',
  ).toBeGreaterThanOrEqual(retryAfterMs - 20);
  await expect(ui.status).toContainText('Connected', { timeout: 10_000 });
});
