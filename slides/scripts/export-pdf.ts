// `pnpm slides:pdf [workshop|pubsub] [de|en]`: a PDF of each built deck into dist/pdf/.
//
// `slidev export` needs the npm package playwright-chromium, which this kit does not install; its
// --executable-path only swaps the browser, not the package. Every built deck has Slidev's print view built in
// (`browserExporter: true`, at /#/export), so we print that with the Playwright the tests use: Playwright's own
// Chromium, or a system one (see tests/harness/chromium.ts).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/harness/chromium';
import { createPollServer, POLL_DATA_DIR } from '../poll/poll-server';
import { type Deck, DIST_DIR, SLIDES_ROOT, selectDecks } from './decks';

/** Slidev's canvas: 980 px wide, 16:9. */
const PAGE = { width: 980, height: 552 };

let decks: Deck[];
try {
  decks = selectDecks(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const missing = decks.filter((deck) => !existsSync(path.join(DIST_DIR, deck.slug, 'index.html')));
if (missing.length > 0) {
  console.error(
    `Not built yet: ${missing.map((deck) => deck.slug).join(', ')}. Run "pnpm slides:build" first.`,
  );
  process.exit(1);
}

// The poll server serves the decks, so the poll slides show the room's results (kept in .poll-data/).
const server = createPollServer({ publicHost: 'localhost', dataDir: POLL_DATA_DIR, distDir: DIST_DIR });
const { port } = await server.listen(0);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  mkdirSync(path.join(DIST_DIR, 'pdf'), { recursive: true });
  for (const deck of decks) {
    const page = await browser.newPage({ viewport: PAGE });
    await page.goto(`http://localhost:${port}/${deck.slug}/#/export`);
    await page.locator('#export-content .print-slide-container').first().waitFor();
    // Mermaid renders in a hidden container first; the diagrams are done when it is empty.
    await page.waitForFunction("!document.querySelector('#mermaid-rendering-container div')");
    // The poll slides' counts come over an event stream that never ends, so no "network idle" to wait for:
    // every poll on the deck has its bars (a deck without a poll has nothing to wait for).
    await page.waitForFunction(
      "[...document.querySelectorAll('[data-poll]')].every((poll) => poll.querySelector('.poll-row'))",
    );
    await page.waitForTimeout(500);
    const output = path.join(DIST_DIR, 'pdf', `${deck.slug}.pdf`);
    await page.pdf({
      path: output,
      width: `${PAGE.width}px`,
      height: `${PAGE.height}px`,
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
    });
    console.log(`✓ ${path.relative(SLIDES_ROOT, output)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
