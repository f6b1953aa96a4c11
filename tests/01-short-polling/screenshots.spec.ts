// `pnpm screenshots`: regenerates docs/screenshots/ from the real solution pages, for the README.
import path from 'node:path';
import { ROOT } from '../../scripts/exercise-catalog';
import { expect, test } from '../harness/exercise-test';
import { notificationsPage } from '../harness/notifications-page';
import { showAddressesAsTyped } from '../harness/task-card';

test.use({ exerciseName: '01-short-polling', viewport: { width: 1440, height: 900 } });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`01 · Short polling (${colorScheme})`, async ({ page, exercise }) => {
    await page.emulateMedia({ colorScheme });
    // Every second instead of every 5 s, so that the progress toast moves within a few polls.
    await page.goto(`${exercise.pageUrl}/?interval=1000`);
    const ui = notificationsPage(page);
    await expect(ui.status).toContainText('Connected');
    await publish(exercise.studentUrl, {
      title: 'Uploading recording',
      message: 'lecture-07.mp4',
      type: 'progress',
    });
    await publish(exercise.studentUrl, { title: 'New message', message: 'Jonas: “Meeting at 2 pm?”' });
    const progress = ui.progressToasts.first().getByRole('progressbar');
    await expect
      .poll(() => progress.evaluate((bar) => (bar as HTMLProgressElement).value))
      .toBeGreaterThan(20);

    const suffix = colorScheme === 'light' ? '' : '-dark';
    await showAddressesAsTyped(page, exercise);
    await page.screenshot({
      path: path.join(ROOT, 'docs', 'screenshots', `01-short-polling${suffix}.png`),
    });
  });
}

async function publish(baseUrl: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}/notifications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}
