// `pnpm class` as the instructor types it, and `pnpm dev 04 --class …` as students type it. The class server
// listens on every interface; the students' pages reach it at 127.0.0.2, a second loopback address standing
// in for the instructor's laptop on the room's Wi-Fi (test traffic never leaves this machine).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { findExercise, ROOT } from '../../scripts/exercise-catalog';
import { removeScratchFolder } from '../../scripts/scratch-folder';
import { chatPage } from '../04-websocket-chat/chat-page';
import { joinBoardPage, onlineNames, type Participant } from '../05-pubsub-broker/board-page';
import { notificationsPage } from '../harness/notifications-page';
import { makeOtherDevice } from './network-namespace';
import { busyPorts, TypedCommand } from './typed-command';

const CLASS_PORT = 8000;
const CLASS_URL = `http://127.0.0.2:${CLASS_PORT}`;
// dev.spec.ts may run `pnpm dev` on 5173 and 8080 beside this file: the students here move their ports, as
// the README says to when a port is busy, and the instructor allows their page's origin with --origin.
const STUDENT_ENV = { CLIENT_PORT: '5273', STUDENT_PORT: '8180' };
const STUDENT_PAGE = 'http://localhost:5273';
/** `pnpm class` says so once every reference server answers. */
const READY = /^Ready: all \d+ reference servers answer\. The room can join\.$/;
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test.skip(process.platform !== 'linux', '127.0.0.2 answers as loopback on Linux only; CI runs Linux.');

// One `pnpm class` for the checks of the room, as in a session: they share its chat, votes and board, as a
// room does. Starting it (eight servers) for each check took a fifth of this file's time.
test.describe('one pnpm class for the room', () => {
  let classServer: TypedCommand;

  test.beforeAll(async () => {
    classServer = new TypedCommand(['class', '--origin', STUDENT_PAGE]);
    await classServer.waitForLine(READY);
  });

  test.afterAll(async () => {
    const left = await classServer.interrupt();
    expect(left, `Ctrl+C left processes behind. Output:\n${classServer.output}`).toEqual([]);
    expect(await busyPorts([CLASS_PORT]), 'Ctrl+C left the port taken').toEqual([]);
  });

  test('pnpm class serves 01–04 behind one port; two students in Part 1 of 04 chat through it', async ({
    browser,
  }) => {
    const exercise = findExercise('04');
    test.skip(
      existsSync(exercise.scratchDir),
      'scratch/04-websocket-chat exists; move it away to run this check',
    );
    try {
      await classServer.waitForLine(
        /^\s+Paths\s+\/01\s+\/02\s+\/03\s+\/04\s+\/04\/sse\s+\/05\s+\/05\/broker$/,
      );
      await classServer.waitForLine(READY);
      const start = await fetch(`${CLASS_URL}/`, { headers: { 'Accept-Language': 'de-DE' } });
      expect(await start.text(), 'the start page names the address the device used').toContain(
        `pnpm dev 04 --class ${CLASS_URL}`,
      );
      // Each reference server answers its /stats through the class server once it has started.
      for (const prefix of ['/01', '/02', '/03', '/04', '/04/sse', '/05', '/05/broker']) {
        await expect
          .poll(async () => (await fetch(`${CLASS_URL}${prefix}/stats`)).status, {
            message: `GET ${prefix}/stats through the class server. Output:\n${classServer.output}`,
          })
          .toBe(200);
      }

      // Origins: the students' page (allowed with --origin) may read the answers, a page from anywhere else not.
      const allowed = await fetch(`${CLASS_URL}/01/api/notifications`, { headers: { Origin: STUDENT_PAGE } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe(STUDENT_PAGE);
      const foreign = await fetch(`${CLASS_URL}/01/api/notifications`, {
        headers: { Origin: 'http://evil.example' },
      });
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

      // A student who finished Part 1: the page talks to REFERENCE_SERVER (a scratch copy, so exercises/ stays as it is).
      const scratch = new TypedCommand(['scratch', '04']);
      expect(await scratch.exit(), scratch.output).toBe(0);
      const client = path.join(exercise.scratchDir, 'client', 'index.ts');
      writeFileSync(client, readFileSync(client, 'utf8').replaceAll('YOUR_SERVER', 'REFERENCE_SERVER'));

      const dev = new TypedCommand(['dev', '04', '--scratch', '--class', CLASS_URL], { env: STUDENT_ENV });
      try {
        await dev.waitForLine(new RegExp(`^\\s+Class server\\s+${CLASS_URL}/04\\s`));
        await dev.waitForLine(/^\[page\].*localhost:5273/);
        const pageHtml = await (await fetch(`${STUDENT_PAGE}/`)).text();
        expect(pageHtml, 'the task card names the class server').toContain(`ws://127.0.0.2:${CLASS_PORT}/04`);
        const ada = chatPage(await (await browser.newContext()).newPage());
        const bob = chatPage(await (await browser.newContext()).newPage());
        await Promise.all([ada.page.goto(STUDENT_PAGE), bob.page.goto(STUDENT_PAGE)]);
        await expect(ada.status).toContainText('Connected');
        await expect(bob.status).toContainText('Connected');
        const text = `hello class ${Date.now()}`;
        await ada.send('Ada', text);
        await expect(
          bob.messageWithText(text),
          'Bob sees Ada’s message through the class server',
        ).toHaveCount(1);
        await expect(ada.messageWithText(text)).toHaveCount(1);
        const stored = (await (await fetch(`${CLASS_URL}/04/messages`)).json()) as { message: string }[];
        expect(stored.map((entry) => entry.message)).toContain(text);

        // The instructor moderates from the console: delete Ada's message, mute her, slow mode, clear.
        const consoleLine = await classServer.waitForLine(
          /^\s+Instructor console\s+http:\/\/localhost:8000\/instructor#key=\S+$/,
        );
        const consolePage = await (await browser.newContext()).newPage();
        await consolePage.goto(consoleLine.trim().split(/\s+/).at(-1) ?? '');
        const listed = consolePage.locator('#chat-log li').filter({ hasText: text });
        await listed.getByRole('button', { name: 'Delete' }).click();
        for (const student of [ada, bob]) {
          await expect(student.messageWithText(text), 'the deleted message is still on a page').toHaveCount(
            0,
          );
          await expect(student.messageWithText('Removed a message by Ada.')).toHaveCount(1);
        }
        await ada.send('Ada', 'hello again');
        await expect(bob.messageWithText('hello again')).toHaveCount(1);
        await consolePage
          .locator('#chat-log li')
          .filter({ hasText: 'hello again' })
          .getByRole('button', { name: 'Mute Ada' })
          .click();
        await expect(consolePage.locator('#muted')).toContainText('ada');
        await ada.send('Ada', 'still muted?');
        await expect(ada.status, 'Ada is not told that she is muted').toContainText('muted the name "Ada"');
        await bob.send('Bob', 'Bob is not muted');
        await expect(ada.messageWithText('Bob is not muted')).toHaveCount(1);
        await expect(bob.messageWithText('still muted?'), 'a muted message reached Bob').toHaveCount(0);

        await consolePage.locator('#moderation select').selectOption('30');
        await consolePage.getByRole('button', { name: 'Set' }).click();
        await expect(consolePage.locator('#moderation output')).toHaveText('Slow mode: 30 s per name.');
        // The first message in slow mode goes through; the next one within 30 s does not.
        await bob.send('Bob', 'slowly now');
        await expect(ada.messageWithText('slowly now')).toHaveCount(1);
        await bob.send('Bob', 'and one more');
        await expect(bob.status).toContainText('Slow mode: one message every 30 s per name');

        await consolePage.getByRole('button', { name: 'Clear the chat' }).click();
        for (const student of [ada, bob]) {
          await expect(student.messages, 'the cleared chat still shows messages').toHaveCount(1);
          await expect(student.messageWithText('Cleared the chat.')).toHaveCount(1);
        }
        // Only the console holds the key.
        const noKey = await fetch(`${CLASS_URL}/04/moderation`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"action":"clear"}',
        });
        expect(noKey.status, 'moderation without the instructor key').toBe(401);
        const impostor = await fetch(`${CLASS_URL}/04/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"username":"Instructor","message":"No homework!"}',
        });
        expect(impostor.status, 'a student posted as Instructor').toBe(403);
        await consolePage.context().close();

        // A phone votes on the class server's poll (what the slides' QR code opens with WORKSHOP_CLASS); only the
        // instructor's key may start the break, which the phone then shows.
        // The room's votes are kept between starts of pnpm class: count this one from what is there.
        const readyVotes = async () =>
          (
            (await (await fetch(`${CLASS_URL}/poll/api/poll/tallies?deck=workshop`)).json()) as {
              mood: Record<string, number>;
            }
          ).mood.ready;
        const before = await readyVotes();
        const phone = await (await browser.newContext(PHONE)).newPage();
        await phone.goto(`${CLASS_URL}/poll/vote?deck=workshop&lang=de`);
        const mood = phone.locator('[data-question="mood"]');
        await mood.getByRole('button', { name: 'Voll motiviert' }).click();
        await expect(mood.locator('.status')).toContainText('Gespeichert');
        expect(await readyVotes(), 'the phone’s vote on the class server').toBe((before ?? 0) + 1);
        const startBreak = (key?: string) =>
          fetch(`${CLASS_URL}/poll/api/poll/stage/break`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              ...(key ? { Authorization: `Bearer ${key}` } : {}),
            },
            body: JSON.stringify({ deck: 'workshop', minutes: 10 }),
          });
        expect((await startBreak()).status, 'a device without the key started the break').toBe(403);
        expect((await startBreak(consoleLine.split('#key=').at(-1))).status).toBe(200);
        await expect(phone.locator('[data-ui="break"]')).toBeVisible();
        await phone.context().close();
        await Promise.all([ada.page.context().close(), bob.page.context().close()]);
        expect(dev.output, 'no local reference server starts').not.toMatch(/^\[reference\]/m);
      } finally {
        const left = await dev.interrupt();
        expect(left, `Ctrl+C left processes behind. Output:\n${dev.output}`).toEqual([]);
      }
    } finally {
      removeScratchFolder(exercise);
    }
    expect(await busyPorts([5273, 8180]), 'Ctrl+C left ports taken').toEqual([]);
  });

  test('the room shares 05’s idea board: two students’ pages, a phone from the QR link, the console’s round and alert', async ({
    browser,
  }) => {
    const exercise = findExercise('05');
    test.skip(
      existsSync(exercise.scratchDir),
      'scratch/05-pubsub-broker exists; move it away to run this check',
    );
    const participants: Participant[] = [];
    try {
      const consoleLine = await classServer.waitForLine(
        /^\s+Instructor console\s+http:\/\/localhost:8000\/instructor#key=\S+$/,
      );
      const consoleUrl = consoleLine.trim().split(/\s+/).at(-1) ?? '';
      await classServer.waitForLine(READY);
      const start = await (await fetch(`${CLASS_URL}/`)).text();
      const boardUrl = /<a href="([^"]+)" data-ui="board-link">/.exec(start)?.[1];
      expect(boardUrl, 'the start page links the board under its QR code').toBe(`${CLASS_URL}/05/`);
      expect(start, 'the start page links the slides’ vote page').toContain(
        `<a href="${CLASS_URL}/poll/vote" data-ui="vote-link">`,
      );

      // Students who finished Part 1: their page joins REFERENCE_APP, the class server's board here.
      const scratch = new TypedCommand(['scratch', '05']);
      expect(await scratch.exit(), scratch.output).toBe(0);
      const client = path.join(exercise.scratchDir, 'client', 'index.ts');
      writeFileSync(client, readFileSync(client, 'utf8').replaceAll('YOUR_APP', 'REFERENCE_APP'));
      const dev = new TypedCommand(['dev', '05', '--scratch', '--class', CLASS_URL], {
        env: {
          CLIENT_PORT: '5273',
          REFERENCE_BROKER_PORT: '3190',
          STUDENT_PORT: '4190',
          STUDENT_BROKER_PORT: '4191',
        },
      });
      try {
        await dev.waitForLine(new RegExp(`^\\s+Class server\\s+${CLASS_URL}/05\\s`));
        await dev.waitForLine(/^\[page\].*localhost:5273/);
        const phone = await joinBoardPage(browser, `${CLASS_URL}/05`, 'Phone', '', PHONE);
        participants.push(phone);
        participants.push(await joinBoardPage(browser, STUDENT_PAGE, 'Ada'));
        participants.push(await joinBoardPage(browser, STUDENT_PAGE, 'Bob'));
        await expect.poll(() => onlineNames(phone.presence)).toEqual(['Ada', 'Bob', 'Phone']);

        const fromPhone = `From a phone ${Date.now()}`;
        await phone.postIdea(fromPhone);
        for (const participant of participants) {
          await expect(participant.ideas.filter({ hasText: fromPhone })).toHaveCount(1);
        }
        const fromLaptop = `From a laptop ${Date.now()}`;
        await participants[1]?.postIdea(fromLaptop);
        await expect(phone.ideas.filter({ hasText: fromLaptop })).toHaveCount(1);
        const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, 'the board fits a 360 px phone without sideways scrolling').toBeLessThanOrEqual(360);

        // The console starts a round and sends an alert to every board; without the key, 05's app refuses both.
        const consolePage = await (await browser.newContext()).newPage();
        await consolePage.goto(consoleUrl);
        await consolePage.locator('#round button[value="pair"]').click();
        await expect(consolePage.locator('#round output')).toContainText('Round "pair" runs until');
        await expect(
          phone.page.locator('[data-ui="countdown"]'),
          'the phase reaches the phone',
        ).toContainText(/pair/i);
        await consolePage.locator('#alert input[name="text"]').fill('Back to the plenum');
        await consolePage.locator('#alert button').click();
        await expect(consolePage.locator('#alert output')).toHaveText('Sent.');
        await expect(phone.alerts).toContainText(['Back to the plenum']);
        await consolePage.context().close();
        for (const [route, body] of [
          ['round', { phase: 'share' }],
          ['alerts', { text: 'Not the instructor' }],
        ] as const) {
          const refused = await fetch(`${CLASS_URL}/05/api/${route}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guessed-key-guessed' },
            body: JSON.stringify(body),
          });
          expect(refused.status, `POST /05/api/${route} without the instructor's key`).toBe(401);
        }
        expect(dev.output, 'no local reference app starts').not.toMatch(/^\[ref app\]/m);
      } finally {
        for (const participant of participants) await participant.close();
        const left = await dev.interrupt();
        expect(left, `Ctrl+C left processes behind. Output:\n${dev.output}`).toEqual([]);
      }
    } finally {
      removeScratchFolder(exercise);
    }
    expect(await busyPorts([5273, 3190, 4190, 4191]), 'Ctrl+C left ports taken').toEqual([]);
  });

  test('pnpm verify with the class server puts each student on the progress board, live', async ({
    browser,
  }) => {
    const exercise = findExercise('02');
    test.skip(
      existsSync(exercise.scratchDir),
      'scratch/02-long-polling exists; move it away to run this check',
    );
    try {
      const boardLine = await classServer.waitForLine(
        /^\s+Instructor console\s+http:\/\/localhost:8000\/instructor#key=\S+$/,
      );
      const boardUrl = boardLine.trim().split(/\s+/).at(-1) ?? '';
      const board = await (await browser.newContext()).newPage();
      await board.goto(boardUrl);
      await expect(board.locator('#status')).toHaveText(
        'Live: every pnpm verify that is shared appears here.',
      );
      const table = board.locator('section', { hasText: 'Exercise 02' });

      // Ada has not started Part 2; the board shows her checks failing as soon as her verify ends.
      const ada = new TypedCommand(['verify', '02', '--part', '2', '--class', CLASS_URL], {
        env: { WORKSHOP_NAME: 'Ada' },
      });
      expect(await ada.exit(), ada.output).not.toBe(0);
      expect(ada.output).toContain('Shared with the class server as Ada: your name and the check results.');
      await expect(table.locator('tr[data-student="Ada"] td.failed').first()).toBeVisible();

      // Bob built his server (here: the reference's files in his scratch copy); his row turns green.
      const scratch = new TypedCommand(['scratch', '02']);
      expect(await scratch.exit(), scratch.output).toBe(0);
      cpSync(path.join(exercise.solutionDir, 'server'), path.join(exercise.scratchDir, 'server'), {
        recursive: true,
      });
      const bob = new TypedCommand(['verify', '02', '--scratch', '--part', '2', '--class', CLASS_URL], {
        env: { WORKSHOP_NAME: 'Bob' },
      });
      expect(await bob.exit(), bob.output).toBe(0);
      const bobRow = table.locator('tr[data-student="Bob"]');
      await expect(bobRow.locator('td.passed').first()).toBeVisible();
      await expect(bobRow.locator('td.failed')).toHaveCount(0);
      await expect(table.locator('tr[data-student="Ada"] td.failed').first()).toBeVisible();
      await board.context().close();
    } finally {
      removeScratchFolder(exercise);
    }
  });

  test('the instructor console counts three students’ streams and pushes a notification to their pages', async ({
    browser,
  }) => {
    const exercise = findExercise('03');
    test.skip(
      existsSync(exercise.scratchDir),
      'scratch/03-sse-notifications exists; move it away to run this check',
    );
    try {
      const consoleLine = await classServer.waitForLine(
        /^\s+Instructor console\s+http:\/\/localhost:8000\/instructor#key=\S+$/,
      );
      // The console pushes to 01–03 and writes in 04's chat: every reference server must be up.
      await classServer.waitForLine(READY);
      // A student who finished Part 1 of 03: the page listens to REFERENCE_SERVER, the class server here.
      const scratch = new TypedCommand(['scratch', '03']);
      expect(await scratch.exit(), scratch.output).toBe(0);
      const client = path.join(exercise.scratchDir, 'client', 'index.ts');
      writeFileSync(client, readFileSync(client, 'utf8').replaceAll('YOUR_SERVER', 'REFERENCE_SERVER'));
      const dev = new TypedCommand(['dev', '03', '--scratch', '--class', CLASS_URL], {
        env: { ...STUDENT_ENV, STUDENT_PORT: '4180' },
      });
      try {
        await dev.waitForLine(/^\[page\].*localhost:5273/);
        const students = await Promise.all(
          [1, 2, 3].map(async () => notificationsPage(await (await browser.newContext()).newPage())),
        );
        await Promise.all(students.map((student) => student.status.page().goto(STUDENT_PAGE)));
        for (const student of students) await expect(student.status).toContainText('Connected');

        const consolePage = await (await browser.newContext()).newPage();
        await consolePage.goto(consoleLine.trim().split(/\s+/).at(-1) ?? '');
        const streamsOf03 = consolePage.locator('#room tr[data-path="/03"] td').nth(2);
        await expect(streamsOf03, 'the console counts the three open SSE streams of 03').toHaveText('3');

        const title = `From the console ${Date.now()}`;
        await consolePage.locator('#push input[name="title"]').fill(title);
        await consolePage.locator('#push button').click();
        await expect(consolePage.locator('#push output')).toHaveText('Pushed to 3 exercises.');
        for (const student of students) await expect(student.rowWithText(title)).toHaveCount(1);

        await consolePage.locator('#chat input[name="message"]').fill('Break until 10:15');
        await consolePage.locator('#chat button').click();
        await expect(consolePage.locator('#chat output')).toHaveText('Sent.');
        const chat = (await (await fetch(`${CLASS_URL}/04/messages`)).json()) as {
          username: string;
          message: string;
        }[];
        expect(chat).toContainEqual(
          expect.objectContaining({ username: 'Instructor', message: 'Break until 10:15' }),
        );
        await Promise.all(students.map((student) => student.status.page().context().close()));
        await expect(streamsOf03, 'closed pages leave the count').toHaveText('0');
        await consolePage.context().close();
      } finally {
        const left = await dev.interrupt();
        expect(left, `Ctrl+C left processes behind. Output:\n${dev.output}`).toEqual([]);
      }
    } finally {
      removeScratchFolder(exercise);
    }
  });

  test('pnpm class serves the technique arena at /arena/: a phone watches five columns fill, only the key changes it', async ({
    browser,
  }) => {
    const arenaLine = await classServer.waitForLine(
      /^\s+Arena with controls\s+http:\/\/localhost:8000\/arena\/#key=\S+$/,
    );
    await classServer.waitForLine(READY);
    const start = await (await fetch(`${CLASS_URL}/`)).text();
    expect(start, 'the start page links the arena').toContain(
      `href="${CLASS_URL}/arena/" data-ui="arena-link"`,
    );
    // The phone reaches only the class server: the page's five clients go through /arena/t/<technique>.
    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${CLASS_URL}/arena/`);
    for (const technique of ['short-polling', 'long-polling', 'sse', 'websocket', 'pubsub']) {
      const column = phone.locator(`[data-technique="${technique}"]`);
      await expect(column.locator('[data-count="received"]'), `${technique} received nothing`).not.toHaveText(
        '0',
        { timeout: 20_000 },
      );
      await expect(column.locator('[data-count="bytes"]')).not.toHaveText('0', { timeout: 20_000 });
    }
    await expect(phone.locator('#watch-only'), 'the phone is told it only watches').toBeVisible();
    await expect(phone.locator('select[name="rateMs"]')).toBeDisabled();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'the arena fits a 360 px phone without sideways scrolling').toBeLessThanOrEqual(360);

    // The instructor's link carries the key: a change there reaches the phone.
    const instructor = await (await browser.newContext()).newPage();
    await instructor.goto(arenaLine.trim().split(/\s+/).at(-1) ?? '');
    await instructor.locator('select[name="rateMs"]').selectOption('500');
    await expect(phone.locator('select[name="rateMs"]')).toHaveValue('500');
    await Promise.all([phone.context().close(), instructor.context().close()]);
  });
});

test('pnpm class names a busy port in one line, and pnpm dev explains a class address it cannot use', async () => {
  const { createServer } = await import('node:net');
  // Something else on 8000. Whatever connects to it meanwhile is cut off at the end, so closing never waits.
  const blocker = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    blocker.once('error', reject);
    blocker.listen(CLASS_PORT, resolve);
  });
  try {
    const busy = new TypedCommand(['class']);
    expect(await busy.exit()).not.toBe(0);
    expect(busy.output).toContain('Port 8000 (class server) is already in use');
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
  const wrong = new TypedCommand(['dev', '04', '--class', 'ws://127.0.0.2:8000']);
  expect(await wrong.exit()).not.toBe(0);
  expect(wrong.output).toContain('--class needs an http:// or https:// address, got "ws://127.0.0.2:8000".');
  const redis = new TypedCommand(['dev', '05', '--redis', '--class', CLASS_URL]);
  expect(await redis.exit()).not.toBe(0);
  expect(redis.output).toContain('--redis runs your own app and brokers only, without a reference');
});

test('pnpm class:build makes a folder that runs with plain node where there is no kit and no node_modules', async () => {
  const built = new TypedCommand(['class:build']);
  expect(await built.exit(), built.output).toBe(0);
  expect(built.output).toContain('node dist/class/class-server.mjs');
  const host = mkdtempSync(path.join(tmpdir(), 'class-host-'));
  cpSync(path.join(ROOT, 'dist', 'class'), host, { recursive: true });
  expect(readdirSync(host).sort()).toEqual([
    'Dockerfile',
    'board',
    'class-server.mjs',
    'compose.yaml',
    'console.js',
    'servers',
    'vote',
  ]);
  const server = new TypedCommand(['class-server.mjs', '--port', '0', '--host', '127.0.0.1'], {
    program: 'node',
    cwd: host,
  });
  try {
    const line = await server.waitForLine(/^Class server on port \d+/);
    const base = `http://127.0.0.1:${/port (\d+)/.exec(line)?.[1]}`;
    for (const prefix of ['/01', '/02', '/03', '/04', '/04/sse', '/05', '/05/broker']) {
      await expect
        .poll(async () => (await fetch(`${base}${prefix}/stats`)).status, {
          message: `GET ${prefix}/stats of the bundle. Output:\n${server.output}`,
        })
        .toBe(200);
    }
    expect((await fetch(`${base}/instructor/console.js`)).status).toBe(200);
    expect(await (await fetch(`${base}/05/`)).text(), 'the phones’ idea board').toContain('Idea board');
    // The slides' vote page, with scripts whose types were stripped at build time (no Vite here).
    expect(await (await fetch(`${base}/poll/vote?deck=workshop`)).text()).toContain('src="vote/vote.js"');
    for (const script of ['vote.js', 'countdown.js']) {
      const answer = await fetch(`${base}/poll/vote/${script}`);
      expect(answer.status, `${script} of the bundled vote page`).toBe(200);
      expect(await answer.text()).not.toMatch(/: (string|number)\b/);
    }
    const vote = await fetch(`${base}/poll/api/poll/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        deck: 'pubsub',
        questionId: 'sse',
        optionId: 'used',
        deviceId: 'bundle-device',
      }),
    });
    expect(vote.status, await vote.text()).toBe(200);
    // The bundled chat speaks WebSocket through the front door like the kit's.
    const socket = new WebSocket(`${base.replace('http', 'ws')}/04`);
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
    });
    expect(JSON.parse(first)).toMatchObject({ event: 'chat.initial' });
    socket.close();
  } finally {
    const left = await server.interrupt();
    rmSync(host, { recursive: true, force: true });
    expect(left, `Ctrl+C left processes behind. Output:\n${server.output}`).toEqual([]);
  }
});

test('a device in another network reaches the class server: start page, chat over WebSocket, a post', async () => {
  const device = makeOtherDevice();
  if ('unavailable' in device) {
    test.skip(
      true,
      `No network namespace (${device.unavailable}): the other class checks reach it from 127.0.0.2.`,
    );
    return;
  }
  const classServer = new TypedCommand(['class']);
  try {
    await classServer.waitForLine(/^\s+Paths\s+\/01/);
    const base = `http://${device.hostAddress}:${CLASS_PORT}`;
    const wsModule = path.join(ROOT, 'node_modules', 'ws', 'index.js');
    // The device's own program: what a laptop in the room does, from the namespace's own network stack.
    const report = device.runNode(`
      const WebSocket = require(${JSON.stringify(wsModule)});
      (async () => {
        const start = await (await fetch(${JSON.stringify(`${base}/`)})).text();
        let stats = 0;
        for (let tries = 0; stats !== 200 && tries < 100; tries += 1) {
          stats = (await fetch(${JSON.stringify(`${base}/04/stats`)})).status;
          if (stats !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const first = await new Promise((resolve, reject) => {
          const socket = new WebSocket(${JSON.stringify(`${base.replace('http', 'ws')}/04`)});
          socket.once('message', (data) => { socket.close(); resolve(JSON.parse(String(data)).event); });
          socket.once('error', reject);
        });
        const posted = await fetch(${JSON.stringify(`${base}/04/messages`)}, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'Phone', message: 'hello from another network' }),
        });
        console.log(JSON.stringify({ joinCommand: start.includes('pnpm dev 04 --class ${base}'), stats, first, posted: posted.status }));
      })().catch((error) => { console.log(JSON.stringify({ error: String(error) })); });
    `);
    expect(JSON.parse(report), `the device's report. Class server output:\n${classServer.output}`).toEqual({
      joinCommand: true,
      stats: 200,
      first: 'chat.initial',
      posted: 201,
    });
    const chat = (await (await fetch(`http://127.0.0.1:${CLASS_PORT}/04/messages`)).json()) as {
      username: string;
    }[];
    expect(chat.map((message) => message.username)).toContain('Phone');
  } finally {
    device.remove();
    const left = await classServer.interrupt();
    expect(left, `Ctrl+C left processes behind. Output:\n${classServer.output}`).toEqual([]);
  }
});
