// What exercise 02 asks for, checked in a real browser. `pnpm verify 02` runs it against your work.
import type { Page } from '@playwright/test';
import type { UpdatesAnswer } from '../../solutions/02-long-polling/protocol/messages';
import { expect, test } from '../harness/exercise-test';
import { say } from '../harness/language';
import { notificationsPage } from '../harness/notifications-page';
import { runClockUntil } from '../harness/page-clock';
import { Prerequisite } from '../harness/prerequisite';
import {
  askForUpdates,
  currentCursor,
  cursorOfAnotherRun,
  isNotificationList,
  type PollResult,
  publish,
  readStats,
  startPoll,
  UPDATES_PATH,
  uniqueTitle,
} from './updates-client';

// A quiet server (no random notifications) that holds a request for 3 s, so every check is quick
// and nothing happens that a test did not cause.
const HOLD_MS = 3_000;
test.use({
  exerciseName: '02-long-polling',
  serverEnv: { LONG_POLL_TIMEOUT_MS: String(HOLD_MS), DEMO_NOTIFICATIONS: 'off' },
});

interface PollRecord {
  url: URL;
  status?: number;
  cursor?: string;
}

/** Publishes to both servers: the page may poll either, depending on TODO 2.6. */
async function publishToBoth(exercise: { referenceUrl: string; studentUrl: string }, body: unknown) {
  await Promise.all(
    [exercise.referenceUrl, exercise.studentUrl].map((url) => publish(url, body).catch(() => undefined)),
  );
}

/** Records every request the page makes for updates, in order, with what came back. */
function recordPolls(page: Page): PollRecord[] {
  const records: PollRecord[] = [];
  const byRequest = new Map<unknown, PollRecord>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== UPDATES_PATH) return;
    const record: PollRecord = { url };
    byRequest.set(request, record);
    records.push(record);
  });
  page.on('requestfinished', async (request) => {
    const record = byRequest.get(request);
    const response = await request.response();
    if (!record || !response) return;
    const status = response.status();
    if (status === 200) record.cursor = ((await response.json()) as UpdatesAnswer).cursor;
    record.status = status;
  });
  return records;
}

function describeAnswer(result: PollResult): string {
  return `HTTP ${result.status}${result.text ? ` ${result.text.slice(0, 200)}` : ''}`;
}

// The checks of a part build on its first one; when that fails, they are skipped with its TODOs.
const pageConnects = new Prerequisite(
  say(
    'the page asks for updates and shows "Connected"',
    'die Seite fragt nach Neuigkeiten und zeigt „Connected“',
  ),
  'TODO 1.1–1.2',
);
const serverAnswers = new Prerequisite(
  say('your server answers the first request', 'dein Server beantwortet die erste Anfrage'),
  'TODO 2.1',
);

test.describe(say('Part 1 · client (client/index.ts)', 'Teil 1 · Client (client/index.ts)'), () => {
  test(
    say('shows that it is connected', 'zeigt, dass die Seite verbunden ist'),
    async ({ page, exercise }) => {
      pageConnects.establishedHere();
      await page.goto(exercise.pageUrl);
      await expect(
        notificationsPage(page).status,
        say(
          'The status should say "Connected" once the first answer is in: write the poll loop (TODO 1.1) and ' +
            'requestUpdates (TODO 1.2); handleAnswer already calls showReceiving().',
          'Sobald die erste Antwort da ist, sollte der Status „Connected“ zeigen: Schreib die Poll-Schleife ' +
            '(TODO 1.1) und requestUpdates (TODO 1.2); handleAnswer ruft showReceiving() schon auf.',
        ),
      ).toContainText('Connected');
    },
  );

  test(
    say(
      'fills the table with the "initial" notifications',
      'füllt die Tabelle mit den Benachrichtigungen der "initial"-Antwort',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      await page.goto(exercise.pageUrl);
      await expect(
        notificationsPage(page).rows.first(),
        say(
          'The table is empty: on an "initial" answer call showInitial(answer.notifications) (TODO 1.3).',
          'Die Tabelle ist leer: Ruf bei einer "initial"-Antwort showInitial(answer.notifications) auf (TODO 1.3).',
        ),
      ).toBeVisible();
    },
  );

  test(
    say(
      'asks again at once, each time with the cursor of the last answer',
      'fragt sofort wieder, jedes Mal mit dem Cursor der letzten Antwort',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      const polls = recordPolls(page);
      await page.goto(exercise.pageUrl);
      await expect(
        notificationsPage(page).rows.first(),
        say(
          'Do the "initial" answer first (TODO 1.3).',
          'Kümmere dich zuerst um die "initial"-Antwort (TODO 1.3).',
        ),
      ).toBeVisible();
      await publishToBoth(exercise, { title: uniqueTitle('cursor check'), message: 'x' });

      await expect
        .poll(() => polls.filter((poll) => poll.status === 204).length, {
          message: say(
            `After the news the page should ask again and wait; the server answers 204 after ${HOLD_MS / 1000} s ` +
              'of nothing new. Loop in pollForever (TODO 1.1), with ?since=<cursor> (TODO 1.2).',
            `Nach der Neuigkeit sollte die Seite wieder fragen und warten; der Server antwortet mit 204, wenn ` +
              `${HOLD_MS / 1000} s lang nichts Neues kommt. Frag in pollForever in einer Schleife (TODO 1.1), ` +
              'mit ?since=<cursor> (TODO 1.2).',
          ),
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
      await expect
        .poll(() => polls.length - 1 - polls.findIndex((poll) => poll.status === 204), {
          message: say(
            'After a 204 (nothing new in time) the page should ask again at once (TODO 1.1).',
            'Nach einer 204-Antwort (nichts Neues in der Zeit) sollte die Seite sofort wieder fragen (TODO 1.1).',
          ),
          timeout: 3_000,
        })
        .toBeGreaterThan(0);

      expect(
        polls[0]?.url.searchParams.has('since'),
        say(
          'The first request has no cursor yet: leave ?since= out (TODO 1.2).',
          'Die erste Anfrage hat noch keinen Cursor: Lass ?since= weg (TODO 1.2).',
        ),
      ).toBe(false);
      let lastCursor: string | undefined;
      for (const [index, poll] of polls.entries()) {
        if (index > 0) {
          expect(
            poll.url.searchParams.get('since'),
            say(
              `Request ${index + 1} should ask with ?since=${lastCursor}, the cursor of the last answer. ` +
                'Remember answer.cursor (TODO 1.3) and send it along (TODO 1.2).',
              `Anfrage ${index + 1} sollte mit ?since=${lastCursor} fragen, dem Cursor der letzten Antwort. ` +
                'Merk dir answer.cursor (TODO 1.3) und schick ihn mit (TODO 1.2).',
            ),
          ).toBe(lastCursor);
        }
        // Still running: what it brings decides the next request, which is not checked yet.
        if (poll.status === undefined) break;
        if (poll.cursor !== undefined) lastCursor = poll.cursor;
      }
    },
  );

  test(
    say(
      'adds each new notification to the table and flashes it',
      'fügt jede neue Benachrichtigung in die Tabelle ein und lässt sie aufblinken',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      const ui = notificationsPage(page);
      await page.goto(exercise.pageUrl);
      await expect(
        ui.rows.first(),
        say(
          'Do the "initial" answer first (TODO 1.3).',
          'Kümmere dich zuerst um die "initial"-Antwort (TODO 1.3).',
        ),
      ).toBeVisible();
      const title = uniqueTitle('New notification');

      await publishToBoth(exercise, { title, message: 'published by the test' });

      await expect(
        ui.rowWithText(title),
        say(
          'A notification published on the server did not show up within 5 s: ask again after each answer ' +
            '(TODO 1.1) and show each "notification" change with showNew (TODO 1.4).',
          'Eine auf dem Server veröffentlichte Benachrichtigung ist nicht innerhalb von 5 s erschienen: Frag ' +
            'nach jeder Antwort wieder (TODO 1.1) und zeig jede "notification"-Änderung mit showNew an (TODO 1.4).',
        ),
      ).toHaveCount(1, { timeout: 5_000 });
      await expect(
        ui.toasts.filter({ hasText: title }),
        say(
          'A new notification should also pop up as a toast: showNew does that (TODO 1.4).',
          'Eine neue Benachrichtigung sollte auch als Toast aufpoppen: Das macht showNew (TODO 1.4).',
        ),
      ).toBeVisible();
    },
  );

  test(
    say(
      'backs off and retries when a request fails',
      'wartet nach einer fehlgeschlagenen Anfrage immer länger und versucht es erneut',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      const ui = notificationsPage(page);
      let failing = false;
      let failures = 0;
      await page.route(
        (url) => url.pathname === UPDATES_PATH,
        async (route) => {
          if (!failing) return route.continue();
          failures += 1;
          return route.abort('connectionrefused');
        },
      );
      // When each request started and failed, on the page's own clock: measured here, a busy test machine
      // would blur it.
      await page.addInitScript((updatesPath) => {
        const requests: { startedAt: number; failedAt?: number }[] = [];
        Object.assign(window, { updateRequests: requests });
        const originalFetch = window.fetch.bind(window);
        window.fetch = async (input, init) => {
          const url = new URL(input instanceof Request ? input.url : String(input), location.href);
          if (url.pathname !== updatesPath) return originalFetch(input, init);
          const record: { startedAt: number; failedAt?: number } = { startedAt: performance.now() };
          requests.push(record);
          try {
            return await originalFetch(input, init);
          } catch (error) {
            record.failedAt = performance.now();
            throw error;
          }
        };
      }, UPDATES_PATH);
      const updateRequests = () =>
        page.evaluate(
          () =>
            (window as unknown as { updateRequests: { startedAt: number; failedAt?: number }[] })
              .updateRequests,
        );
      // The page's timers run on a clock the test moves forward: seconds of backoff pass in moments.
      await page.clock.install();
      await page.goto(exercise.pageUrl);
      await expect(
        ui.status,
        say('Do TODO 1.1 to 1.3 first.', 'Erledige zuerst TODO 1.1 bis 1.3.'),
      ).toContainText('Connected');

      failing = true;
      // A notification ends the request the server holds now, so the page asks again at once, and fails.
      await publishToBoth(exercise, { title: uniqueTitle('Before the cut'), message: 'x' });
      await runClockUntil(page, () => failures >= 5);
      expect(
        failures,
        say(
          'After a failed request the page should try again: catch the error in pollForever, wait, and ask ' +
            'again (TODO 1.5).',
          'Nach einer fehlgeschlagenen Anfrage sollte die Seite es erneut versuchen: Fang den Fehler in ' +
            'pollForever ab, warte und frag wieder (TODO 1.5).',
        ),
      ).toBeGreaterThanOrEqual(5);
      await expect(
        ui.status,
        say(
          'While requests fail, the status should say so: showRetrying(delay) (TODO 1.5).',
          'Solange Anfragen fehlschlagen, sollte der Status das anzeigen: showRetrying(delay) (TODO 1.5).',
        ),
      ).toContainText('Connection error');
      // The clock stopped moving at the fifth failure, long before the next try: the last five are the failed
      // ones. A wait is from a failure to the next try; how long the failure took to arrive does not count.
      const failed = (await updateRequests()).slice(-5);
      const gaps = failed
        .slice(1)
        .map((next, index) => Math.round(next.startedAt - (failed[index]?.failedAt ?? next.startedAt)));
      expect(
        gaps[0],
        say(
          `The page asked again after ${gaps[0]} ms: wait retryDelay(failuresInARow) first (TODO 1.5).`,
          `Die Seite hat schon nach ${gaps[0]} ms wieder gefragt: Warte vorher retryDelay(failuresInARow) ab (TODO 1.5).`,
        ),
      ).toBeGreaterThanOrEqual(400);
      // Doubled three times, the fourth wait is at least 4 s against at most 1 s for the first, jitter and all.
      expect(
        gaps[3],
        say(
          `The waits were ${gaps.join(', ')} ms: each failure in a row should double the wait ` +
            '(retryDelay in client/retry-delay.ts, TODO 1.5).',
          `Die Wartezeiten waren ${gaps.join(', ')} ms: Jeder weitere Fehler in Folge sollte die Wartezeit ` +
            'verdoppeln (retryDelay in client/retry-delay.ts, TODO 1.5).',
        ),
      ).toBeGreaterThan(3 * (gaps[0] ?? 0));

      failing = false;
      await runClockUntil(page, async () => (await ui.status.textContent())?.includes('Connected') ?? false);
      await expect(
        ui.status,
        say(
          'Once the server answers again, the page should go on polling and say "Connected".',
          'Sobald der Server wieder antwortet, sollte die Seite weiter pollen und „Connected“ zeigen.',
        ),
      ).toContainText('Connected');
    },
  );

  test(
    say(
      'Bonus: the progress toast climbs to 100 % and then leaves',
      'Bonus: der Fortschritts-Toast steigt auf 100 % und verschwindet dann',
    ),
    async ({ page, exercise }) => {
      pageConnects.require();
      const ui = notificationsPage(page);
      await page.goto(exercise.pageUrl);
      await expect(
        ui.status,
        say('Do TODO 1.1 to 1.3 first.', 'Erledige zuerst TODO 1.1 bis 1.3.'),
      ).toContainText('Connected');
      await publishToBoth(exercise, { title: uniqueTitle('Uploading'), message: 'x', type: 'progress' });

      const toast = ui.progressToasts.first();
      await expect(
        toast,
        say(
          'No progress toast: show "notification" changes with showNew (TODO 1.4).',
          'Kein Fortschritts-Toast: Zeig "notification"-Änderungen mit showNew an (TODO 1.4).',
        ),
      ).toBeVisible();
      await expect(
        toast.getByRole('progressbar'),
        say(
          'The progress never reached 100 %: show "notification-update" changes with showUpdate (TODO 1.6).',
          'Der Fortschritt hat nie 100 % erreicht: Zeig "notification-update"-Änderungen mit showUpdate an (TODO 1.6).',
        ),
      ).toHaveJSProperty('value', 100, { timeout: 20_000 });
      await expect(
        toast,
        say(
          'A finished progress toast should leave by itself.',
          'Ein fertiger Fortschritts-Toast sollte von selbst verschwinden.',
        ),
      ).toBeHidden({ timeout: 10_000 });
    },
  );

  test(
    say('the page runs without errors', 'die Seite läuft ohne Fehler'),
    async ({ page, exercise, pageErrors }) => {
      pageConnects.require();
      await page.goto(exercise.pageUrl);
      await expect(
        notificationsPage(page).rows.first(),
        say(
          'Do the "initial" answer first (TODO 1.3).',
          'Kümmere dich zuerst um die "initial"-Antwort (TODO 1.3).',
        ),
      ).toBeVisible();
      expect(
        pageErrors,
        say(
          'The page threw errors; open the browser console (F12) to see them.',
          'Die Seite hat Fehler geworfen; öffne die Browser-Konsole (F12), um sie zu sehen.',
        ),
      ).toEqual([]);
    },
  );
});

test.describe(say('Part 2 · server (server/)', 'Teil 2 · Server (server/)'), () => {
  // After its first check failed, the others are skipped before their servers start (pnpm verify of a starter).
  serverAnswers.requireForGroup();

  test(
    say(
      'your server answers the first request with the whole list and a cursor',
      'dein Server beantwortet die erste Anfrage mit der ganzen Liste und einem Cursor',
    ),
    async ({ exercise }) => {
      serverAnswers.establishedHere();
      exercise.requireStudentServer();
      const result = await askForUpdates(exercise.studentUrl);

      expect(
        result.status,
        say(
          `GET ${UPDATES_PATH} without since should answer 200 at once (TODO 2.1); it answered ${describeAnswer(result)}.`,
          `GET ${UPDATES_PATH} ohne since sollte sofort mit 200 antworten (TODO 2.1); die Antwort war ${describeAnswer(result)}.`,
        ),
      ).toBe(200);
      const answer = result.body as Partial<UpdatesAnswer> | undefined;
      expect(
        answer?.kind,
        say(
          'The first answer should have kind "initial" (TODO 2.1: initialAnswer(feed)).',
          'Die erste Antwort sollte kind "initial" haben (TODO 2.1: initialAnswer(feed)).',
        ),
      ).toBe('initial');
      expect(
        typeof answer?.cursor,
        say(
          'The first answer needs a cursor (TODO 2.1: initialAnswer(feed)).',
          'Die erste Antwort braucht einen Cursor (TODO 2.1: initialAnswer(feed)).',
        ),
      ).toBe('string');
      expect(
        answer?.kind === 'initial' && isNotificationList(answer.notifications),
        say(
          'The first answer should list the notifications with id, title, message and time (TODO 2.1).',
          'Die erste Antwort sollte die Benachrichtigungen mit id, title, message und time auflisten (TODO 2.1).',
        ),
      ).toBe(true);
    },
  );

  test(
    say(
      'your server answers at once with everything after the cursor, in order',
      'dein Server antwortet sofort mit allem nach dem Cursor, in der richtigen Reihenfolge',
    ),
    async ({ exercise }) => {
      serverAnswers.require();
      exercise.requireStudentServer();
      const cursor = await currentCursor(exercise.studentUrl);
      const titles = [uniqueTitle('missed'), uniqueTitle('missed'), uniqueTitle('missed')];
      for (const title of titles)
        await publish(exercise.studentUrl, { title, message: 'between two requests' });

      const result = await askForUpdates(exercise.studentUrl, cursor, { signal: AbortSignal.timeout(5_000) });

      expect(
        result.elapsedMs,
        say(
          'Three notifications were already newer than the cursor, so the answer should come at once (TODO 2.2).',
          'Drei Benachrichtigungen waren schon neuer als der Cursor, also sollte die Antwort sofort kommen (TODO 2.2).',
        ),
      ).toBeLessThan(HOLD_MS / 2);
      expect(
        result.status,
        say(
          `With news after the cursor, answer 200 (TODO 2.2); your server answered ${describeAnswer(result)}.`,
          `Gibt es nach dem Cursor Neues, antworte mit 200 (TODO 2.2); dein Server hat mit ${describeAnswer(result)} geantwortet.`,
        ),
      ).toBe(200);
      const answer = result.body as UpdatesAnswer;
      expect(
        answer.kind,
        say(
          'News after a cursor is a "changes" answer (TODO 2.2: changesAnswer).',
          'Neues nach einem Cursor ist eine "changes"-Antwort (TODO 2.2: changesAnswer).',
        ),
      ).toBe('changes');
      if (answer.kind !== 'changes') return;
      expect(
        answer.cursor,
        say(
          'The answer needs the new cursor (feed.cursor) (TODO 2.2).',
          'Die Antwort braucht den neuen Cursor (feed.cursor) (TODO 2.2).',
        ),
      ).not.toBe(cursor);
      expect(
        answer.changes.map((change) => change.notification.title),
        say(
          'The answer should carry every change after the cursor, oldest first (feed.changesAfter) (TODO 2.2).',
          'Die Antwort sollte jede Änderung nach dem Cursor enthalten, die älteste zuerst (feed.changesAfter) (TODO 2.2).',
        ),
      ).toEqual(titles);
      expect(answer.changes.map((change) => change.event)).toEqual([
        'notification',
        'notification',
        'notification',
      ]);
    },
  );

  test(
    say(
      'your server holds a request until something new arrives',
      'dein Server hält eine Anfrage, bis etwas Neues kommt',
    ),
    async ({ exercise }) => {
      serverAnswers.require();
      exercise.requireStudentServer();
      const cursor = await currentCursor(exercise.studentUrl);
      const poll = startPoll(exercise.studentUrl, cursor);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(
        poll.result,
        say(
          'Nothing was new, so your server should hold the request instead of answering at once (TODO 2.3); it ' +
            `answered ${poll.result ? describeAnswer(poll.result) : ''}.`,
          'Es gab nichts Neues, also sollte dein Server die Anfrage halten, statt sofort zu antworten (TODO 2.3); ' +
            `er hat mit ${poll.result ? describeAnswer(poll.result) : ''} geantwortet.`,
        ),
      ).toBeUndefined();

      const title = uniqueTitle('while you waited');
      await publish(exercise.studentUrl, { title, message: 'arrives on the held request' });
      await expect
        .poll(() => poll.result, {
          message: say(
            'A notification arrived, but the held request was not answered: in TODO 2.3 answer it on the ' +
              "feed's next change (feed.subscribe, held.answer); in TODO 2.4 held.answer sends the JSON.",
            'Eine Benachrichtigung kam an, aber die gehaltene Anfrage wurde nicht beantwortet: Beantworte sie in ' +
              'TODO 2.3 bei der nächsten Änderung des Feeds (feed.subscribe, held.answer); in TODO 2.4 schickt ' +
              'held.answer das JSON.',
          ),
          timeout: HOLD_MS / 2,
        })
        .toBeDefined();
      const answer = poll.result?.body as UpdatesAnswer | undefined;
      expect(
        answer?.kind === 'changes' ? answer.changes.map((change) => change.notification.title) : [],
        say(
          'The held request should be answered with the new notification as a "changes" answer (TODO 2.3).',
          'Die gehaltene Anfrage sollte mit der neuen Benachrichtigung als "changes"-Antwort beantwortet werden (TODO 2.3).',
        ),
      ).toEqual([title]);
    },
  );

  test(
    say(
      'your server answers 204 when nothing new came in time',
      'dein Server antwortet mit 204, wenn rechtzeitig nichts Neues kam',
    ),
    async ({ exercise }) => {
      serverAnswers.require();
      exercise.requireStudentServer();
      const cursor = await currentCursor(exercise.studentUrl);
      const result = await askForUpdates(exercise.studentUrl, cursor, {
        signal: AbortSignal.timeout(HOLD_MS + 5_000),
      }).catch(() => undefined);

      expect(
        result,
        say(
          `Your server held the request for more than ${HOLD_MS / 1000 + 5} s; the tests set LONG_POLL_TIMEOUT_MS to ` +
            `${HOLD_MS} ms. Answer 204 when the time is up (TODO 2.4).`,
          `Dein Server hat die Anfrage länger als ${HOLD_MS / 1000 + 5} s gehalten; die Tests setzen ` +
            `LONG_POLL_TIMEOUT_MS auf ${HOLD_MS} ms. Antworte mit 204, wenn die Zeit um ist (TODO 2.4).`,
        ),
      ).toBeDefined();
      expect(
        result?.status,
        say(
          `After the time is up with nothing new, answer 204 No Content (TODO 2.4); got ${result ? describeAnswer(result) : ''}.`,
          `Ist die Zeit um und nichts Neues da, antworte mit 204 No Content (TODO 2.4); die Antwort war ${result ? describeAnswer(result) : ''}.`,
        ),
      ).toBe(204);
      expect(
        result?.elapsedMs,
        say(
          `The 204 came after ${result?.elapsedMs} ms: hold the request for timeoutMs (${HOLD_MS} ms) first (TODO 2.4).`,
          `Die 204-Antwort kam schon nach ${result?.elapsedMs} ms: Halte die Anfrage erst timeoutMs (${HOLD_MS} ms) lang (TODO 2.4).`,
        ),
      ).toBeGreaterThanOrEqual(HOLD_MS - 200);
    },
  );

  test(
    say(
      'your server lets go of a request when its client goes away',
      'dein Server gibt eine Anfrage frei, sobald ihr Client weg ist',
    ),
    async ({ exercise }) => {
      serverAnswers.require();
      exercise.requireStudentServer();
      const before = await readStats(exercise.studentUrl);
      const cursor = await currentCursor(exercise.studentUrl);
      const polls = Array.from({ length: 10 }, () => startPoll(exercise.studentUrl, cursor));
      await expect
        .poll(async () => (await readStats(exercise.studentUrl)).waitingRequests, {
          message: say(
            'GET /stats should count 10 held requests: hold them with heldRequests.hold (TODO 2.3).',
            'GET /stats sollte 10 gehaltene Anfragen zählen: Halte sie mit heldRequests.hold (TODO 2.3).',
          ),
          timeout: HOLD_MS / 2,
        })
        .toBe(before.waitingRequests + 10);

      for (const poll of polls) poll.abort();

      await expect
        .poll(async () => (await readStats(exercise.studentUrl)).waitingRequests, {
          message: say(
            'The clients went away, but your server still counts them as waiting: remove the response from ' +
              "the set when it closes (TODO 2.5: response.on('close')).",
            'Die Clients sind weg, aber dein Server zählt sie noch als wartend: Nimm die Response aus dem Set, ' +
              "sobald sie geschlossen wird (TODO 2.5: response.on('close')).",
          ),
        })
        .toBe(before.waitingRequests);
      await expect
        .poll(async () => (await readStats(exercise.studentUrl)).waitTimers, {
          message: say(
            'The clients went away, but their timers still run: clear them on close (TODO 2.5).',
            'Die Clients sind weg, aber ihre Timer laufen noch: Stopp sie beim Schließen (TODO 2.5).',
          ),
        })
        .toBe(before.waitTimers);
      await expect
        .poll(async () => (await readStats(exercise.studentUrl)).changeListeners, {
          message: say(
            'The clients went away, but their feed listeners are still there: unsubscribe when the request ' +
              'ends (held.onEnd) (TODO 2.3).',
            'Die Clients sind weg, aber ihre Feed-Listener sind noch da: Melde sie ab, wenn die Anfrage endet ' +
              '(held.onEnd) (TODO 2.3).',
          ),
        })
        .toBe(before.changeListeners);
    },
  );

  test(say('the page uses your server', 'die Seite nutzt deinen Server'), async ({ page, exercise }) => {
    pageConnects.require();
    serverAnswers.require();
    exercise.requireStudentServer();
    const requests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === UPDATES_PATH) requests.push(url.origin);
    });
    await page.goto(exercise.pageUrl);
    await expect(
      notificationsPage(page).rows.first(),
      say('Do Part 1 first.', 'Erledige zuerst Teil 1.'),
    ).toBeVisible();
    expect(
      requests,
      say(
        'The page still polls the reference server: switch client/index.ts to YOUR_SERVER (TODO 2.6).',
        'Die Seite pollt noch den Referenzserver: Stell client/index.ts auf YOUR_SERVER um (TODO 2.6).',
      ),
    ).toContain(exercise.studentUrlForPage);
  });

  test(
    say(
      'Bonus: your server starts a client over when its cursor is too old',
      'Bonus: dein Server lässt einen Client mit zu altem Cursor von vorn anfangen',
    ),
    async ({ exercise }) => {
      serverAnswers.require();
      exercise.requireStudentServer();
      const cursor = cursorOfAnotherRun(await currentCursor(exercise.studentUrl));
      const result = await askForUpdates(exercise.studentUrl, cursor, {
        signal: AbortSignal.timeout(HOLD_MS + 5_000),
      }).catch(() => undefined);

      expect(
        result?.elapsedMs,
        say(
          `A cursor from before a restart (${cursor}) can never be continued: answer at once (TODO 2.7).`,
          `Ein Cursor von vor einem Neustart (${cursor}) lässt sich nie fortsetzen: Antworte sofort (TODO 2.7).`,
        ),
      ).toBeLessThan(HOLD_MS / 2);
      expect(
        (result?.body as Partial<UpdatesAnswer> | undefined)?.kind,
        say(
          'When feed.changesAfter(since) is undefined, send the whole list again: initialAnswer(feed) (TODO 2.7).',
          'Wenn feed.changesAfter(since) undefined ist, schick wieder die ganze Liste: initialAnswer(feed) (TODO 2.7).',
        ),
      ).toBe('initial');
    },
  );
});
