// The pub/sub talk's workshop slide: the class server's idea board as a QR code for the phones, and its idea
// count live. A stand-in for the class server's `/05/stats` runs on loopback; the poll server watches it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { BoardWatch } from '../../slides/poll/board-watch';
import { DECKS, startBuiltDecks } from './built-decks';

const PAGE_URL = 'http://192.168.1.20:8000/05/';

test('the workshop slide shows the board’s QR code and counts its ideas live', async ({ page }) => {
  let ideas = 0;
  const stats = createServer((_request, response) => {
    response
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ sessions: 2, ideas }));
  });
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
  const statsUrl = `http://127.0.0.1:${(stats.address() as AddressInfo).port}/05/stats`;
  const decks = await startBuiltDecks({
    board: new BoardWatch({ locate: () => ({ pageUrl: PAGE_URL, statsUrl }), everyMs: 100 }),
  });
  try {
    await page.goto(decks.deckUrl(deck('pubsub-en'), 'idea-board'));
    const board = page.locator('.idea-board');
    await expect(board.locator('.board-qr svg'), 'the slide shows no QR code').toBeVisible();
    await expect(board).toContainText('192.168.1.20:8000/05/');
    await expect(board).toHaveAttribute('data-ideas', '0');
    await expect(board).toContainText('2 joined');

    // Phones post ideas: the count on the slide follows without a reload.
    ideas = 7;
    await expect(board, 'the new count did not arrive').toHaveAttribute('data-ideas', '7');
    await expect(board.locator('.board-number')).toHaveText('7');
  } finally {
    await decks.stop();
    await closeServer(stats);
  }
});

test('without a class server the German slide says how to start one, and still shows where phones go', async ({
  page,
}) => {
  const decks = await startBuiltDecks({
    board: new BoardWatch({
      locate: () => ({ pageUrl: PAGE_URL, statsUrl: 'http://127.0.0.1:1/05/stats' }),
      everyMs: 100,
    }),
  });
  try {
    await page.goto(decks.deckUrl(deck('pubsub-de'), 'idea-board'));
    const board = page.locator('.idea-board');
    await expect(board).toContainText('Das Ideenboard läuft noch nicht: pnpm class starten');
    await expect(board.locator('.board-qr svg')).toBeVisible();
  } finally {
    await decks.stop();
  }
});

function deck(slug: string): (typeof DECKS)[number] {
  const found = DECKS.find((each) => each.slug === slug);
  if (!found) throw new Error(`${slug} is missing from DECKS`);
  return found;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
