// `pnpm arena` as typed: the five techniques deliver one feed side by side on http://localhost:3600, each
// column counts what it got and what it cost, and after a network drop every one of them recovers without
// losing a notification. Ctrl+C leaves nothing behind.
import { expect, type Page, test } from '@playwright/test';
import { busyPorts, TypedCommand } from './typed-command';

const PORT = 3600;
/** Counts arrive once a second and the simulated clients report once a second: a bound for a busy CI machine. */
const COUNTS_BOUND_MS = 20_000;
const TECHNIQUES = ['short-polling', 'long-polling', 'sse', 'websocket', 'pubsub'];

test('pnpm arena shows five techniques on one feed; each recovers from a network drop and loses nothing', async ({
  page,
}) => {
  const arena = new TypedCommand(['arena']);
  try {
    await arena.waitForLine(new RegExp(`^The technique arena on http://localhost:${PORT}/ `));
    await page.goto(`http://localhost:${PORT}/`);
    await expect(page.locator('[data-technique]')).toHaveCount(TECHNIQUES.length);
    // A notification every half second, short polling every second: the test sees plenty quickly.
    await page.locator('select[name="pollIntervalMs"]').selectOption('1000');
    await page.locator('select[name="rateMs"]').selectOption('500');
    for (const technique of TECHNIQUES) await expectCountAtLeast(page, technique, 'received', 3);
    // SSE holds one connection; short polling pays a request per question.
    await expect(count(page, 'sse', 'open')).toHaveText('1', { timeout: COUNTS_BOUND_MS });
    await expectCountAtLeast(page, 'short-polling', 'requests', 3);
    await expect(count(page, 'sse', 'bytes')).not.toHaveText('0', { timeout: COUNTS_BOUND_MS });
    // Each column's chart (uPlot, served by the arena itself) draws the bytes per second it measured.
    for (const technique of TECHNIQUES) {
      const chart = page.locator(`[data-chart="${technique}"]`);
      await expect(chart.locator('canvas'), `${technique} has no chart`).toHaveCount(1);
      await expect
        .poll(async () => Number(await chart.getAttribute('data-points')), {
          message: `${technique}'s chart`,
          timeout: COUNTS_BOUND_MS,
        })
        .toBeGreaterThanOrEqual(2);
    }

    // Ten simulated SSE clients: the server holds their streams, and they count what they got.
    await page.locator('select[data-simulated="sse"]').selectOption('10');
    await expect(count(page, 'sse', 'open')).toHaveText('11', { timeout: COUNTS_BOUND_MS });
    await expect(page.locator('[data-simulated-line="sse"]')).toHaveText(
      /^10 clients: [1-9]\d* received, 0 lost, /,
      { timeout: COUNTS_BOUND_MS },
    );

    const before = Object.fromEntries(
      await Promise.all(TECHNIQUES.map(async (technique) => [technique, await number(page, technique)])),
    );
    await page.getByRole('button', { name: 'Network drop' }).click();
    // The drop cut the connections: the ones that stay open had to open a new one.
    for (const technique of ['sse', 'websocket', 'pubsub'])
      await expectCountAtLeast(page, technique, 'requests', 2);
    for (const technique of TECHNIQUES) {
      await expectCountAtLeast(page, technique, 'received', (before[technique] ?? 0) + 3);
      await expect(count(page, technique, 'lost'), `${technique} lost notifications in the drop`).toHaveText(
        '0',
      );
    }
  } finally {
    const left = await arena.interrupt();
    expect(left, `Ctrl+C left processes behind. Output:\n${arena.output}`).toEqual([]);
  }
  expect(await busyPorts([PORT]), 'Ctrl+C left the port taken').toEqual([]);
});

function count(page: Page, technique: string, name: string) {
  return page.locator(`[data-technique="${technique}"] [data-count="${name}"]`);
}

async function number(page: Page, technique: string): Promise<number> {
  return Number(await count(page, technique, 'received').textContent());
}

async function expectCountAtLeast(page: Page, technique: string, name: string, least: number): Promise<void> {
  await expect
    .poll(async () => Number(await count(page, technique, name).textContent()), {
      message: `${technique}: ${name} stays below ${least}`,
      timeout: COUNTS_BOUND_MS,
    })
    .toBeGreaterThanOrEqual(least);
}
