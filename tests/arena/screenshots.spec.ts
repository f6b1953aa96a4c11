// `pnpm screenshots`: the technique arena for the README: a hundred simulated clients per technique and the
// page, after ten notifications, one a second.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { transpileArenaScript } from '../../arena/page/arena-script';
import { startArena } from '../../arena/server/arena-server';
import { ROOT } from '../../scripts/exercise-catalog';

test.use({ viewport: { width: 1600, height: 800 } });

test('arena · five techniques side by side', async ({ page }) => {
  const arena = await startArena({
    port: 0,
    pageScript: await transpileArenaScript(),
    settings: { rateMs: 1_000, pollIntervalMs: 3_000 },
  });
  try {
    // A hundred simulated clients per technique besides the page: what each technique costs a small room.
    const hundred = { 'short-polling': 100, 'long-polling': 100, sse: 100, websocket: 100, pubsub: 100 };
    await fetch(`http://localhost:${arena.port}/api/arena/settings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ simulatedClients: hundred }),
    });
    await page.goto(`http://localhost:${arena.port}/`);
    await expect
      .poll(
        async () =>
          Number(await page.locator('[data-technique="sse"] [data-count="received"]').textContent()),
        { timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'arena.png') });
  } finally {
    await arena.close();
  }
});
