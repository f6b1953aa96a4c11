// `pnpm screenshots`: the class server's start page, instructor console and phone board for the README. The
// console runs on the real class app with a room made up for the picture: the counts and results are set, not
// measured. The phone board is the real `pnpm class` on a free port, joined at /05/ by three people.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createClassApp } from '../../classroom/server/class-app';
import { CLASS_ROUTES } from '../../classroom/server/class-routes';
import { renderStartPage } from '../../classroom/server/class-start-page';
import { transpileInstructorConsoleScript } from '../../classroom/server/instructor-console-script';
import type { CheckOutcome } from '../../classroom/server/progress-messages';
import { ProgressStore } from '../../classroom/server/progress-store';
import { TrafficCounter } from '../../classroom/server/traffic-counter';
import { ROOT } from '../../scripts/exercise-catalog';
import { joinBoardPage, type Participant } from '../05-pubsub-broker/board-page';
import { TypedCommand } from '../commands/typed-command';

const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const KEY = 'screenshot';

test.use({ viewport: { width: 1440, height: 900 } });

test('class server · start page', async ({ page }) => {
  const { renderSVG } = await import('uqr');
  const classUrl = 'http://192.168.1.20:8000';
  await page.setContent(
    renderStartPage({
      classUrl,
      routes: CLASS_ROUTES,
      language: 'en',
      qrSvg: renderSVG(`${classUrl}/05/`),
      boardUrl: `${classUrl}/05/`,
      voteUrl: `${classUrl}/poll/vote`,
    }),
  );
  await page.screenshot({ path: path.join(SHOTS, 'class-start-page.png'), fullPage: true });
});

test('class server · instructor console with the progress board', async ({ page }) => {
  const store = new ProgressStore();
  for (const [name, outcomes] of ROOM) {
    store.report({
      name,
      exercise: '03',
      checks: CHECKS_03.map((title, index) => ({ title, outcome: outcomes[index] ?? 'skipped' })),
    });
  }
  const traffic = busyRoom();
  const app = createClassApp({
    routes: CLASS_ROUTES,
    store,
    instructorKey: KEY,
    boardScript: await transpileInstructorConsoleScript(),
    traffic,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    // No 04 behind this class app: its chat and rules, as a room in the middle of 03 would have them.
    await page.routeWebSocket(/\/04$/, (socket) => {
      socket.send(JSON.stringify({ event: 'chat.initial', data: CHAT }));
    });
    await page.route('**/04/moderation', (route) =>
      route.fulfill({ json: { muted: ['spam-bot'], slowModeSeconds: 10 } }),
    );
    await page.goto(`http://127.0.0.1:${port}/instructor#key=${KEY}`);
    await expect(page.locator('#chat-log li')).toHaveCount(CHAT.length);
    await expect(page.locator('#muted')).toContainText('spam-bot');
    await expect(page.locator('#board tr[data-student]')).toHaveCount(ROOM.length);
    await expect(page.locator('#room tr[data-path="/04"] td').nth(1)).toHaveText('26');
    await page.screenshot({ path: path.join(SHOTS, 'class-console.png'), fullPage: true });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test('class server · the idea board on a phone', async ({ browser }) => {
  const classServer = new TypedCommand(['class', '--port', '0', '--host', '127.0.0.1']);
  const people: Participant[] = [];
  try {
    const keyLine = await classServer.waitForLine(/^\s+Instructor console\s+\S+#key=\S+$/);
    const key = keyLine.trim().split('#key=').at(-1) ?? '';
    const portLine = await classServer.waitForLine(/^Class server on port \d+/);
    const board = `http://127.0.0.1:${/port (\d+)/.exec(portLine)?.[1]}/05`;
    await expect.poll(async () => (await fetch(`${board}/stats`).catch(() => undefined))?.status).toBe(200);
    const phone = {
      viewport: { width: 360, height: 800 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    };
    for (const name of ['Mia', 'Jonas', 'Lena'])
      people.push(await joinBoardPage(browser, board, name, '', phone));
    await fetch(`${board}/api/round`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ phase: 'ideas' }),
    });
    const [mia, jonas, lena] = people;
    await jonas?.postIdea('Live poll at the start of every lecture');
    await lena?.postIdea('Push the room change to every phone the moment it happens');
    await mia?.postIdea('Show who else is on the same exercise right now');
    if (!mia) throw new Error('Mia did not join.');
    await expect(mia.ideas).toHaveCount(3);
    // From the top, as a phone shows it after the post: header, the round's countdown, who is there, the ideas.
    await mia.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await mia.page.screenshot({ path: path.join(SHOTS, 'class-phone-board.png') });
  } finally {
    for (const person of people) await person.close();
    await classServer.interrupt();
  }
});

/** The class chat as the console lists it. */
const CHAT = [
  ['Instructor', 'Exercise 03 until 10:40, then the break.'],
  ['Lena', 'Does the progress notification need its own event name?'],
  ['Jonas', 'Mine reconnects after the restart now!'],
  ['Mia', 'Which port is the reference server on again?'],
  ['Ben', 'asdfasdfasdf'],
].map(([username, message], index) => ({
  id: `a1b2c3-${index + 1}`,
  username,
  message,
  timestamp: new Date(Date.UTC(2026, 11, 7, 9, 30 + index)).toISOString(),
}));

/** 28 students in the middle of exercise 03: what the front door would have counted. */
function busyRoom(): TrafficCounter {
  const traffic = new TrafficCounter(CLASS_ROUTES.map((route) => route.prefix));
  for (let index = 0; index < 336; index += 1) traffic.requestStarted('/01').ended();
  for (let index = 0; index < 22; index += 1) traffic.requestStarted('/02');
  for (let index = 0; index < 24; index += 1) traffic.requestStarted('/03').streamStarted();
  for (let index = 0; index < 26; index += 1) traffic.webSocketOpened('/04');
  for (let index = 0; index < 3; index += 1) traffic.requestStarted('/04/sse').streamStarted();
  return traffic;
}

const CHECKS_03 = [
  'Part 1 · client (client/index.ts) › shows that it is connected',
  'Part 1 · client (client/index.ts) › fills the table from the "initial" event',
  'Part 1 · client (client/index.ts) › shows a new notification as a row and a toast, exactly once',
  'Part 2 · server (server/) › your server answers GET /sse with text/event-stream',
  'Part 2 · server (server/) › a notification published to your server reaches the page',
  'Part 2 · server (server/) › Bonus: your server sends a keep-alive comment on an idle stream',
];

const P: CheckOutcome = 'passed';
const F: CheckOutcome = 'failed';
const S: CheckOutcome = 'skipped';
const ROOM: [string, CheckOutcome[]][] = [
  ['Ada', [P, P, P, P, P, P]],
  ['Ben', [P, P, P, P, F, F]],
  ['Chiara', [P, P, F, S, S, S]],
  ['Deniz', [P, P, P, P, P, F]],
  ['Emil', [F, S, S, S, S, S]],
  ['Fatima', [P, P, P, F, S, S]],
];
