// `pnpm screenshots`: pictures of the decks for the README (docs/screenshots/slides-*.png), from the built decks.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { ROOT } from '../../scripts/exercise-catalog';
import { BoardWatch } from '../../slides/poll/board-watch';
import { DECKS, type RunningDecks, startBuiltDecks } from './built-decks';

const VIEWPORT = { width: 1280, height: 720 };
let decks: RunningDecks;

test.use({ viewport: VIEWPORT });
test.beforeAll(async () => {
  decks = await startBuiltDecks();
});
test.afterAll(async () => {
  await decks?.stop();
});

function deck(slug: string) {
  const found = DECKS.find((each) => each.slug === slug);
  if (!found) throw new Error(`No deck ${slug}`);
  return found;
}

async function show(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  // The cursor would bring up Slidev's navigation bar.
  await page.mouse.move(VIEWPORT.width / 2, 10);
}

async function save(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', `slides-${name}.png`) });
}

test('slides · title', async ({ page }) => {
  await show(page, decks.deckUrl(deck('workshop-de'), 1));
  await expect(page.getByRole('heading', { name: 'Echtzeit-Kommunikation' })).toBeVisible();
  await save(page, 'title');
});

test('slides · code with line highlighting', async ({ page }) => {
  // Two clicks in (the third step, lines 14-15): the stream subscribes to the feed and unsubscribes when it
  // closes. Code from solutions/03-sse-notifications/server/sse-route.ts.
  await show(page, `${decks.deckUrl(deck('workshop-de'), 'code-sse-route')}?clicks=2`);
  await expect(page.locator('#deck-position')).toHaveAttribute('data-step', /:2$/);
  await expect(page.locator('.slidev-code .highlighted').filter({ visible: true }).first()).toBeVisible();
  await save(page, 'code');
});

test('slides · the first code of a technique, from examples/', async ({ page }) => {
  await show(page, decks.deckUrl(deck('workshop-de'), 'first-sse'));
  await expect(page.locator('.code-columns .slidev-code')).toHaveCount(2);
  await save(page, 'first-code');
});

test('slides · the idea board on the pub/sub workshop slide', async ({ page }) => {
  // A stand-in for the class server's /05/stats: 41 ideas from 28 people.
  const stats = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"sessions":28,"ideas":41}');
  });
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
  const statsUrl = `http://127.0.0.1:${(stats.address() as AddressInfo).port}/05/stats`;
  const withBoard = await startBuiltDecks({
    board: new BoardWatch({ locate: () => ({ pageUrl: 'http://192.168.1.20:8000/05/', statsUrl }) }),
  });
  try {
    await show(page, withBoard.deckUrl(deck('pubsub-de'), 'idea-board'));
    await expect(page.locator('.idea-board')).toHaveAttribute('data-ideas', '41');
    await save(page, 'idea-board');
  } finally {
    await withBoard.stop();
    stats.closeAllConnections();
    await new Promise((resolve) => stats.close(resolve));
  }
});

test('slides · the break countdown on the projector and on a phone', async ({ page, browser }) => {
  await show(page, decks.deckUrl(deck('workshop-de'), 'break'));
  await page.getByRole('button', { name: '10 Min.', exact: true }).click();
  await expect(page.locator('.break-countdown')).toHaveAttribute('data-state', 'running');
  const phone = await openPhone(browser);
  try {
    await expect(phone.locator('[data-ui="break"]')).toBeVisible();
    await save(page, 'break');
    await save(phone, 'phone-break');
  } finally {
    await page.getByRole('button', { name: 'Beenden' }).click();
    await phone.context().close();
  }
});

test('slides · a phone following the presenter to a poll slide', async ({ page, browser }) => {
  await show(page, decks.deckUrl(deck('workshop-de'), 'poll-built-it'));
  const phone = await openPhone(browser);
  try {
    await expect(phone.locator('.question:visible')).toHaveCount(1);
    await expect(phone.locator('.question:visible')).toHaveAttribute('data-question', 'built-it');
    await save(phone, 'phone-follow');
  } finally {
    await phone.context().close();
  }
});

/** A 360 px phone on the workshop talk's vote page, following the presenter. */
async function openPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(`${decks.baseUrl}/vote?deck=workshop&lang=de`);
  return phone;
}

test('slides · the measured cost, charts from pnpm bench', async ({ page }) => {
  await show(page, decks.deckUrl(deck('workshop-de'), 'measured'));
  const chart = page.locator('.measured-chart img');
  await expect(chart).toHaveAttribute('data-chart', 'bytes');
  // The chart is a file of its own: wait until it has been loaded and drawn.
  await expect.poll(() => chart.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await save(page, 'measured');
});

test('slides · sequence diagram', async ({ page }) => {
  await show(page, decks.deckUrl(deck('workshop-de'), 'diagram-sse'));
  await expect(page.locator('svg[aria-roledescription="sequence"]').first()).toBeVisible();
  await save(page, 'diagram');
});

test('slides · live poll', async ({ page, browser }) => {
  // A room of 23: cast the votes through the API, as the phones would.
  const votes = { ready: 11, okay: 8, coffee: 4 };
  let device = 0;
  for (const [optionId, count] of Object.entries(votes)) {
    for (let index = 0; index < count; index += 1) {
      device += 1;
      const response = await page.request.post(`${decks.baseUrl}/api/poll/votes`, {
        data: { deck: 'workshop', questionId: 'mood', optionId, deviceId: `screenshot-${device}` },
      });
      expect(response.ok()).toBe(true);
    }
  }
  await show(page, decks.deckUrl(deck('workshop-de'), 'poll-mood'));
  await expect(page.locator('[data-poll="mood"]')).toHaveAttribute('data-total', '23');
  await page.waitForTimeout(600); // the bars grow with a short transition
  await save(page, 'poll');

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await phone.goto(`${decks.baseUrl}/vote?deck=workshop&q=mood&lang=de`);
  await phone.getByRole('button', { name: 'Voll motiviert' }).click();
  await expect(phone.locator('[data-question="mood"] .status')).toContainText('Gespeichert');
  await phone.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'slides-vote-page.png') });
  await phone.close();
});
