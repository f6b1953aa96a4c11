// What exercise 01 asks for, checked in a real browser. `pnpm verify 01` runs it against your work.
// The page is opened with `?interval=500`, so it polls every 500 ms here instead of every 5 s.
import { expect, test } from '../harness/exercise-test';
import { say } from '../harness/language';
import { notificationsPage, recordFlashes } from '../harness/notifications-page';
import { runClockUntil } from '../harness/page-clock';
import { Prerequisite } from '../harness/prerequisite';
import {
  delay,
  FAST_INTERVAL_MS,
  FAST_PAGE,
  isNotificationList,
  POLL_PATH,
  publish,
  publishToBoth,
  recordFetches,
  recordPolls,
  recordStatusStates,
  recordToastProgress,
  recordToastsFromStart,
  setTabVisibility,
  uniqueTitle,
} from './polling-page';

test.use({ exerciseName: '01-short-polling' });

// The checks of a part build on its first one; when that fails, they are skipped with its TODOs.
const pageConnects = new Prerequisite(
  say('the page polls and shows "Connected"', 'die Seite pollt und zeigt „Connected“'),
  'TODO 1.1–1.2',
);
const serverAnswers = new Prerequisite(
  say('your server answers GET /api/notifications', 'dein Server antwortet auf GET /api/notifications'),
  'TODO 2.1',
);

test.describe(
  say(
    'Part 1 · client (client/index.ts, client/notification-display.ts)',
    'Teil 1 · Client (client/index.ts, client/notification-display.ts)',
  ),
  () => {
    test(say('shows that it is connected', 'zeigt, dass sie verbunden ist'), async ({ page, exercise }) => {
      pageConnects.establishedHere();
      await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
      await expect(
        notificationsPage(page).status,
        say(
          'The status should say "Connected": after a successful answer call showStatus("open", …) (TODO 1.2).',
          'Der Status sollte „Connected“ anzeigen: Ruf nach einer erfolgreichen Antwort showStatus("open", …) auf (TODO 1.2).',
        ),
      ).toContainText('Connected');
    });

    test(
      say(
        'fills the table from the first answer, without toasts',
        'füllt die Tabelle aus der ersten Antwort, ohne Toasts',
      ),
      async ({ page, exercise }) => {
        pageConnects.require();
        const toasts = await recordToastsFromStart(page);
        const ui = notificationsPage(page);
        const firstAnswer = page.waitForResponse(
          (response) => response.url().includes(POLL_PATH) && response.request().method() === 'GET',
        );
        // Without any answer the check below fails with its hint; this wait must not add a second error.
        firstAnswer.catch(() => {});
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect(
          ui.rows.first(),
          say(
            'The table is empty: fetch POLL_URL and pass the JSON to showPollAnswer (TODO 1.1), then fill the ' +
              'table in showInitial (TODO 1.3).',
            'Die Tabelle ist leer: Hol POLL_URL mit fetch ab und gib das JSON an showPollAnswer weiter (TODO 1.1), ' +
              'dann füll die Tabelle in showInitial (TODO 1.3).',
          ),
        ).toBeVisible();
        const first = (await (await firstAnswer).json()) as {
          id: string;
          type?: string;
          progress?: number;
        }[];
        // An upload still running when the page opened gets a toast on its next step (updateFlashNotification
        // shows it to late joiners), so only plain and finished notifications count here.
        const firstIds = first
          .filter((item) => item.type !== 'progress' || item.progress === 100)
          .map((item) => item.id);
        await delay(3 * FAST_INTERVAL_MS);

        const flashedIds = (await toasts()).map((toast) => toast.id);
        expect(
          flashedIds.filter((id) => firstIds.includes(id)),
          say(
            'Notifications of the first answer are not news: showInitial adds rows, but flashes none (TODO 1.3).',
            'Die Benachrichtigungen der ersten Antwort sind nichts Neues: showInitial fügt Zeilen hinzu, zeigt aber keinen Toast (TODO 1.3).',
          ),
        ).toEqual([]);
      },
    );

    test(
      say(
        'shows a new notification as a row and a toast, exactly once',
        'zeigt eine neue Benachrichtigung als Zeile und als Toast, genau einmal',
      ),
      async ({ page, exercise }) => {
        pageConnects.require();
        const ui = notificationsPage(page);
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect(
          ui.rows.first(),
          say(
            'Do the first answer first (TODO 1.1 and 1.3).',
            'Kümmere dich zuerst um die erste Antwort (TODO 1.1 und 1.3).',
          ),
        ).toBeVisible();
        const flashedTitles = await recordFlashes(page);
        const title = uniqueTitle('New on the server');

        await publishToBoth(exercise, { title, message: 'Published by the test' });

        await expect(
          ui.rowWithText(title),
          say(
            'A new notification did not appear as a row: poll again after each answer (TODO 1.2) and add ' +
              'notifications you have not seen before to the table (TODO 1.4).',
            'Eine neue Benachrichtigung ist nicht als Zeile erschienen: Starte nach jeder Antwort den nächsten Poll ' +
              '(TODO 1.2) und füg Benachrichtigungen, die du noch nicht gesehen hast, zur Tabelle hinzu (TODO 1.4).',
          ),
        ).toHaveCount(1, { timeout: 5_000 });
        await expect(
          ui.toasts.filter({ hasText: title }),
          say(
            'A new notification should also pop up as a toast: call flashNotification (TODO 1.4).',
            'Eine neue Benachrichtigung sollte auch als Toast aufpoppen: Ruf flashNotification auf (TODO 1.4).',
          ),
        ).toBeVisible();
        await delay(4 * FAST_INTERVAL_MS);
        expect(
          (await flashedTitles()).filter((flashed) => flashed === title),
          say(
            'The same notification was flashed again by a later poll: flash only ids the last answer did not have ' +
              '(TODO 1.4).',
            'Dieselbe Benachrichtigung kam bei einem späteren Poll noch einmal als Toast: Zeig Toasts nur für IDs, ' +
              'die in der letzten Antwort noch nicht vorkamen (TODO 1.4).',
          ),
        ).toHaveLength(1);
        await expect(
          ui.rowWithText(title),
          say(
            'A notification should have one row, however often you poll.',
            'Eine Benachrichtigung sollte genau eine Zeile haben, egal wie oft du pollst.',
          ),
        ).toHaveCount(1);
      },
    );

    test(
      say(
        'polls on the interval, and only after the last answer came',
        'pollt im Intervall und erst, wenn die letzte Antwort da ist',
      ),
      async ({ page, exercise }) => {
        pageConnects.require();
        // Every answer is held back for 0.8 s, longer than the interval (0.5 s): a setInterval loop would now send
        // requests that overlap. Times are taken here, where the requests are held, so that a slow test machine
        // cannot blur them.
        const held: { arrivedAt: number; releasedAt?: number }[] = [];
        let heldNow = 0;
        let mostHeldAtOnce = 0;
        await page.route(`**${POLL_PATH}*`, async (route) => {
          if (route.request().method() !== 'GET') {
            await route.continue();
            return;
          }
          const entry: { arrivedAt: number; releasedAt?: number } = { arrivedAt: Date.now() };
          held.push(entry);
          heldNow += 1;
          mostHeldAtOnce = Math.max(mostHeldAtOnce, heldNow);
          await delay(800);
          heldNow -= 1;
          entry.releasedAt = Date.now();
          await route.continue();
        });
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect
          .poll(() => held.filter((entry) => entry.releasedAt !== undefined).length, {
            message: say(
              'The page should ask again after each answer: schedule the next poll with setTimeout in ' +
                'scheduleNextPoll, after the answer (TODO 1.2).',
              'Die Seite sollte nach jeder Antwort erneut fragen: Plane den nächsten Poll nach der Antwort mit ' +
                'setTimeout in scheduleNextPoll ein (TODO 1.2).',
            ),
            timeout: 10_000,
          })
          .toBeGreaterThanOrEqual(3);

        expect(
          mostHeldAtOnce,
          say(
            'Two polls were open at the same time. Start the next one only after the answer came (setTimeout after ' +
              'the answer, not setInterval) (TODO 1.2).',
            'Zwei Polls waren gleichzeitig offen. Starte den nächsten erst, wenn die Antwort da ist (setTimeout ' +
              'nach der Antwort, nicht setInterval) (TODO 1.2).',
          ),
        ).toBe(1);
        for (const [index, entry] of held.entries()) {
          const previous = held[index - 1];
          if (!previous?.releasedAt) continue;
          expect(
            entry.arrivedAt - previous.releasedAt,
            say(
              `After an answer, the page should wait the interval (${FAST_INTERVAL_MS} ms here) before it asks again ` +
                '(TODO 1.2).',
              `Nach einer Antwort sollte die Seite das Intervall abwarten (hier ${FAST_INTERVAL_MS} ms), bevor sie ` +
                'erneut fragt (TODO 1.2).',
            ),
          ).toBeGreaterThanOrEqual(FAST_INTERVAL_MS - 50);
        }
      },
    );

    test(
      say(
        'shows a failed poll and retries with a growing delay',
        'zeigt einen fehlgeschlagenen Poll und versucht es mit wachsender Wartezeit erneut',
      ),
      async ({ page, exercise }) => {
        pageConnects.require();
        const fetches = await recordFetches(page);
        const ui = notificationsPage(page);
        // The page's timers run on a clock the test moves forward: seconds of backoff pass in moments.
        await page.clock.install();
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect(ui.status, say('Do TODO 1.2 first.', 'Erledige zuerst TODO 1.2.')).toContainText(
          'Connected',
        );

        await page.route(`**${POLL_PATH}*`, (route) => route.abort('connectionrefused'));
        const failedFrom = (await fetches()).length;
        await runClockUntil(
          page,
          async () => (await ui.status.textContent())?.includes('Connection error') ?? false,
        );
        await expect(
          ui.status,
          say(
            'When a poll fails, show it: showStatus("error", "retrying in …") (TODO 1.5).',
            'Wenn ein Poll fehlschlägt, zeig das an: showStatus("error", "retrying in …") (TODO 1.5).',
          ),
        ).toContainText('Connection error');
        await runClockUntil(page, async () => (await fetches()).length - failedFrom >= 5);
        expect(
          (await fetches()).length - failedFrom,
          say(
            'After a failed poll the page should try again, and again (TODO 1.5).',
            'Nach einem fehlgeschlagenen Poll sollte die Seite es erneut versuchen, immer wieder (TODO 1.5).',
          ),
        ).toBeGreaterThanOrEqual(5);

        // Times from the page's own clock: from each failure to the next try, so that how long a failure took
        // to arrive (longer on a busy machine) does not count as waiting.
        const failed = (await fetches()).slice(failedFrom);
        const gaps = failed
          .slice(1)
          .map((next, index) => Math.round(next.startedAt - (failed[index]?.failedAt ?? next.startedAt)));
        // Doubled three times, the fourth wait is at least four times the longest first one, jitter and all.
        expect(
          gaps[3] ?? 0,
          say(
            `The delay between failed polls should double with each failure (retryDelayMs(failuresInARow, …)); the gaps were ${gaps.join(', ')} ms (TODO 1.5).`,
            `Die Wartezeit zwischen fehlgeschlagenen Polls sollte sich mit jedem Fehlschlag verdoppeln (retryDelayMs(failuresInARow, …)); die Abstände waren ${gaps.join(', ')} ms (TODO 1.5).`,
          ),
        ).toBeGreaterThan(3 * (gaps[0] ?? 0));

        await page.unroute(`**${POLL_PATH}*`);
        await runClockUntil(
          page,
          async () => (await ui.status.textContent())?.includes('Connected') ?? false,
        );
        await expect(
          ui.status,
          say(
            'Once the server answers again, the page should say "Connected" again (TODO 1.5).',
            'Sobald der Server wieder antwortet, sollte die Seite wieder „Connected“ anzeigen (TODO 1.5).',
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
        const progressOf = await recordToastProgress(page);
        const ui = notificationsPage(page);
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect(
          ui.rows.first(),
          say(
            'Do the first answer first (TODO 1.1 and 1.3).',
            'Kümmere dich zuerst um die erste Antwort (TODO 1.1 und 1.3).',
          ),
        ).toBeVisible();
        const title = uniqueTitle('Uploading');
        await publishToBoth(exercise, { title, message: 'slides.pdf', type: 'progress' });

        const toast = ui.progressToasts.filter({ hasText: title });
        await expect(
          toast,
          say(
            'No progress toast appeared: flash new progress notifications too (TODO 1.4).',
            'Es ist kein Fortschritts-Toast erschienen: Zeig auch neue Fortschrittsmeldungen als Toast (TODO 1.4).',
          ),
        ).toBeVisible({ timeout: 5_000 });
        await expect
          .poll(async () => Math.max(...(await progressOf(title))), {
            message: say(
              'The progress never reached 100 %: when a known notification changed, update its row and toast ' +
                '(addToTable, updateFlashNotification) (TODO 1.6).',
              'Der Fortschritt hat nie 100 % erreicht: Wenn sich eine bekannte Benachrichtigung geändert hat, ' +
                'aktualisiere ihre Zeile und ihren Toast (addToTable, updateFlashNotification) (TODO 1.6).',
            ),
            timeout: 20_000,
          })
          .toBe(100);
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
      say(
        'Bonus: sends the last ETag and takes 304 as "nothing new"',
        'Bonus: sendet das letzte ETag und versteht 304 als „nichts Neues“',
      ),
      async ({ page, exercise }) => {
        pageConnects.require();
        const fetches = await recordFetches(page);
        const states = await recordStatusStates(page);
        const ui = notificationsPage(page);
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect(ui.status, say('Do TODO 1.2 first.', 'Erledige zuerst TODO 1.2.')).toContainText(
          'Connected',
        );

        await expect
          .poll(async () => (await fetches()).some((seen) => seen.ifNoneMatch !== null), {
            message: say(
              'The page never sent If-None-Match: send the ETag of the last answer with every poll (TODO 1.7).',
              'Die Seite hat nie If-None-Match gesendet: Schick bei jedem Poll das ETag der letzten Antwort mit (TODO 1.7).',
            ),
            timeout: 5_000,
          })
          .toBe(true);
        await expect
          .poll(async () => (await fetches()).some((seen) => seen.status === 304), {
            message: say(
              'The server never answered 304 Not Modified: send the ETag header of the last 200 answer as ' +
                'If-None-Match, exactly as it came (TODO 1.7).',
              'Der Server hat nie mit 304 Not Modified geantwortet: Schick den ETag-Header der letzten 200-Antwort ' +
                'als If-None-Match, genau so, wie er kam (TODO 1.7).',
            ),
            timeout: 15_000,
          })
          .toBe(true);
        await delay(2 * FAST_INTERVAL_MS);
        expect(
          await states(),
          say(
            'The status showed an error although every poll was answered: a 304 is a good answer (the list did ' +
              'not change), not a failure (TODO 1.7).',
            'Der Status hat einen Fehler gezeigt, obwohl jeder Poll beantwortet wurde: Eine 304 ist eine gute ' +
              'Antwort (die Liste hat sich nicht geändert), kein Fehler (TODO 1.7).',
          ),
        ).not.toContain('error');
      },
    );

    test(
      say(
        'Bonus: pauses while the tab is hidden and polls at once when it is shown',
        'Bonus: pausiert, solange der Tab verborgen ist, und pollt sofort, wenn er wieder sichtbar wird',
      ),
      async ({ page, exercise }) => {
        pageConnects.require();
        // A 2 s interval here, so that "at once" and "after the interval" are far apart.
        const intervalMs = 2_000;
        const fetches = await recordFetches(page);
        const ui = notificationsPage(page);
        // The page's timers run on a clock the test moves forward: the hidden seconds pass in moments.
        await page.clock.install();
        await page.goto(`${exercise.pageUrl}/?interval=${intervalMs}`);
        await expect(ui.status, say('Do TODO 1.2 first.', 'Erledige zuerst TODO 1.2.')).toContainText(
          'Connected',
        );

        const hiddenAt = await setTabVisibility(page, 'hidden');
        await page.clock.runFor(3 * intervalMs);
        const shownAt = await setTabVisibility(page, 'visible');
        // A poll that was already on its way when the tab was hidden may finish; none may start later.
        const startedWhileHidden = (await fetches()).filter(
          (seen) => seen.startedAt > hiddenAt + 50 && seen.startedAt < shownAt,
        );
        expect(
          startedWhileHidden,
          say(
            'The page kept polling while the tab was hidden: stop the timer on "visibilitychange" when ' +
              'document.visibilityState is "hidden", and schedule nothing while hidden (TODO 1.8).',
            'Die Seite hat weiter gepollt, während der Tab verborgen war: Stopp den Timer bei "visibilitychange", ' +
              'wenn document.visibilityState "hidden" ist, und plane nichts ein, solange er verborgen ist (TODO 1.8).',
          ),
        ).toHaveLength(0);

        const polledAgain = await runClockUntil(
          page,
          async () => (await fetches()).some((seen) => seen.startedAt >= shownAt),
          { maxMs: 3 * intervalMs },
        );
        expect(
          polledAgain,
          say(
            'When the tab is shown again, the page should poll again (TODO 1.8).',
            'Wenn der Tab wieder sichtbar wird, sollte die Seite wieder pollen (TODO 1.8).',
          ),
        ).toBe(true);
        const firstAfterShown = (await fetches()).find((seen) => seen.startedAt >= shownAt);
        expect(
          (firstAfterShown?.startedAt ?? Number.POSITIVE_INFINITY) - shownAt,
          say(
            'When the tab is shown again, poll at once, without waiting for the interval (TODO 1.8).',
            'Wenn der Tab wieder sichtbar wird, starte sofort einen Poll, ohne das Intervall abzuwarten (TODO 1.8).',
          ),
        ).toBeLessThan(intervalMs / 2);
      },
    );

    test(
      say(
        'Bonus: after 429 Too Many Requests, waits as long as Retry-After says',
        'Bonus: wartet nach 429 Too Many Requests so lange, wie Retry-After sagt',
      ),
      async ({ page, exercise }) => {
        pageConnects.require();
        const ui = notificationsPage(page);
        const polls = recordPolls(page);
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect(ui.status, say('Do TODO 1.2 first.', 'Erledige zuerst TODO 1.2.')).toContainText(
          'Connected',
        );

        let limitedAt = 0;
        await page.route(`**${POLL_PATH}*`, async (route) => {
          if (limitedAt !== 0 || route.request().method() !== 'GET') {
            await route.continue();
            return;
          }
          limitedAt = Date.now();
          await route.fulfill({
            status: 429,
            headers: {
              'Access-Control-Allow-Origin': exercise.pageUrl,
              'Access-Control-Expose-Headers': 'Retry-After',
              'Content-Type': 'application/json',
              'Retry-After': '3',
            },
            body: JSON.stringify({ error: 'Too many requests. Try again in 3 s.' }),
          });
        });
        await expect
          .poll(() => limitedAt, {
            message: say('The page stopped polling.', 'Die Seite hat aufgehört zu pollen.'),
            timeout: 5_000,
          })
          .toBeGreaterThan(0);
        await expect(
          ui.status,
          say(
            'While it waits after a 429, the page should not say "Connected": show the wait (TODO 1.9).',
            'Solange sie nach einer 429 wartet, sollte die Seite nicht „Connected“ anzeigen: Zeig die Wartezeit an (TODO 1.9).',
          ),
        ).not.toContainText('Connected');
        await expect
          .poll(() => polls().filter((poll) => poll.startedAt > limitedAt).length, {
            message: say(
              'After the wait the page should poll again (TODO 1.9).',
              'Nach der Wartezeit sollte die Seite wieder pollen (TODO 1.9).',
            ),
            timeout: 10_000,
          })
          .toBeGreaterThan(0);

        const next = polls().find((poll) => poll.startedAt > limitedAt);
        expect(
          (next?.startedAt ?? 0) - limitedAt,
          say(
            'The server said "Retry-After: 3": wait 3 s before the next poll (TODO 1.9).',
            'Der Server hat "Retry-After: 3" gesagt: Warte 3 s bis zum nächsten Poll (TODO 1.9).',
          ),
        ).toBeGreaterThanOrEqual(2_900);
        await expect(
          ui.status,
          say(
            'After the wait, the page should be "Connected" again.',
            'Nach der Wartezeit sollte die Seite wieder „Connected“ anzeigen.',
          ),
        ).toContainText('Connected');
      },
    );

    test(
      say('the page runs without errors', 'die Seite läuft ohne Fehler'),
      async ({ page, exercise, pageErrors }) => {
        pageConnects.require();
        await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
        await expect(
          notificationsPage(page).rows.first(),
          say(
            'Do the first answer first (TODO 1.1 and 1.3).',
            'Kümmere dich zuerst um die erste Antwort (TODO 1.1 und 1.3).',
          ),
        ).toBeVisible();
        await delay(3 * FAST_INTERVAL_MS);
        expect(
          pageErrors,
          say(
            'The page threw errors; open the browser console (F12) to see them.',
            'Die Seite hat Fehler geworfen; öffne die Browser-Konsole (F12), um sie zu sehen.',
          ),
        ).toEqual([]);
      },
    );
  },
);

test.describe(say('Part 2 · server (server/poll-route.ts)', 'Teil 2 · Server (server/poll-route.ts)'), () => {
  // After its first check failed, the others are skipped before their servers start (pnpm verify of a starter).
  serverAnswers.requireForGroup();

  test(
    say(
      'your server answers GET /api/notifications with the list as JSON',
      'dein Server beantwortet GET /api/notifications mit der Liste als JSON',
    ),
    async ({ exercise }) => {
      serverAnswers.establishedHere();
      exercise.requireStudentServer();
      const response = await fetch(`${exercise.studentUrl}${POLL_PATH}`, {
        headers: { Origin: exercise.pageUrl },
      });
      expect(
        response.status,
        say(
          `Your server answered ${POLL_PATH} with ${response.status}; it should be 200. Replace the placeholder ` +
            '501 answer in server/poll-route.ts (TODO 2.1).',
          `Dein Server hat auf ${POLL_PATH} mit ${response.status} geantwortet; es sollte 200 sein. Ersetz die ` +
            'Platzhalter-Antwort 501 in server/poll-route.ts (TODO 2.1).',
        ),
      ).toBe(200);
      expect(
        response.headers.get('content-type'),
        say(
          'Answer with JSON: response.json(…) (TODO 2.1).',
          'Antworte mit JSON: response.json(…) (TODO 2.1).',
        ),
      ).toMatch(/^application\/json/);
      expect(
        response.headers.get('access-control-allow-origin'),
        say(
          'The CORS header is missing; the starter sets it in server/cors.ts, so do not remove allowOrigins from app.ts.',
          'Der CORS-Header fehlt; der Starter setzt ihn in server/cors.ts, also entferne allowOrigins nicht aus app.ts.',
        ),
      ).toBe(exercise.pageUrl);
      const body: unknown = await response.json();
      expect(
        isNotificationList(body) && (body as unknown[]).length > 0,
        say(
          'The answer should be a JSON array of notifications with id, title, message and time: feed.list() (TODO 2.1).',
          'Die Antwort sollte ein JSON-Array von Benachrichtigungen mit id, title, message und time sein: feed.list() (TODO 2.1).',
        ),
      ).toBe(true);
    },
  );

  test(
    say(
      'a notification published to your server is in its next answer, last',
      'eine an deinen Server veröffentlichte Benachrichtigung steht in seiner nächsten Antwort, ganz am Ende',
    ),
    async ({ exercise }) => {
      serverAnswers.require();
      exercise.requireStudentServer();
      const title = uniqueTitle('Published to your server');
      expect((await publish(exercise.studentUrl, { title, message: 'x' })).status).toBe(201);

      const response = await fetch(`${exercise.studentUrl}${POLL_PATH}`);
      expect(response.status, say('Do TODO 2.1 first.', 'Erledige zuerst TODO 2.1.')).toBe(200);
      const titles = ((await response.json()) as { title: string }[]).map(
        (notification) => notification.title,
      );
      expect(
        titles,
        say(
          'Answer with every stored notification: feed.list() (TODO 2.1).',
          'Antworte mit allen gespeicherten Benachrichtigungen: feed.list() (TODO 2.1).',
        ),
      ).toContain(title);
      expect(
        titles.indexOf(title),
        say(
          'The list should be oldest first, as feed.list() returns it, so the newest is last (TODO 2.1).',
          'Die Liste sollte mit der ältesten beginnen, so wie feed.list() sie liefert; die neueste steht also am Ende (TODO 2.1).',
        ),
      ).toBeGreaterThan(titles.length - 5);
    },
  );

  test(say('the page polls your server', 'die Seite pollt deinen Server'), async ({ page, exercise }) => {
    pageConnects.require();
    serverAnswers.require();
    exercise.requireStudentServer();
    const polls = recordPolls(page);
    await page.goto(`${exercise.pageUrl}${FAST_PAGE}`);
    await expect(
      notificationsPage(page).rows.first(),
      say('Do Part 1 first.', 'Erledige zuerst Teil 1.'),
    ).toBeVisible();
    expect(
      polls().map((poll) => poll.url),
      say(
        'The page still polls the reference server: switch client/index.ts to YOUR_SERVER (TODO 2.2).',
        'Die Seite pollt noch den Referenzserver: Stell client/index.ts auf YOUR_SERVER um (TODO 2.2).',
      ),
    ).toContain(`${exercise.studentUrlForPage}${POLL_PATH}`);
  });

  test(
    say(
      'Bonus: your server answers 304 without a body while nothing changed',
      'Bonus: dein Server antwortet mit 304 ohne Body, solange sich nichts geändert hat',
    ),
    async ({ exercise }) => {
      serverAnswers.require();
      exercise.requireStudentServer();
      const url = `${exercise.studentUrl}${POLL_PATH}`;
      const first = await fetch(url);
      await first.arrayBuffer();
      const etag = first.headers.get('etag');
      expect(
        etag,
        say(
          'Your answer has no ETag header: set it to etagFor(feed.version) (TODO 2.3).',
          'Deine Antwort hat keinen ETag-Header: Setz ihn auf etagFor(feed.version) (TODO 2.3).',
        ),
      ).toBeTruthy();
      expect(
        first.headers.get('cache-control'),
        say(
          'Keep Cache-Control: no-cache, so that caches ask again.',
          'Behalte Cache-Control: no-cache bei, damit Caches erneut nachfragen.',
        ),
      ).toContain('no-cache');

      // The generator may add a notification between two requests; then ask again with the new ETag.
      let conditional: Response | undefined;
      let sentEtag = etag ?? '';
      for (let attempt = 0; attempt < 5; attempt += 1) {
        conditional = await fetch(url, { headers: { 'If-None-Match': sentEtag } });
        if (conditional.status === 304) break;
        await conditional.arrayBuffer();
        sentEtag = conditional.headers.get('etag') ?? '';
      }
      expect(
        conditional?.status,
        say(
          'A request whose If-None-Match equals the current ETag should get 304 Not Modified (TODO 2.3).',
          'Eine Anfrage, deren If-None-Match dem aktuellen ETag entspricht, sollte 304 Not Modified bekommen (TODO 2.3).',
        ),
      ).toBe(304);
      expect(
        await conditional?.text(),
        say('A 304 answer has no body (TODO 2.3).', 'Eine 304-Antwort hat keinen Body (TODO 2.3).'),
      ).toBe('');

      await publish(exercise.studentUrl, { title: uniqueTitle('changes the list'), message: 'x' });
      const afterChange = await fetch(url, { headers: { 'If-None-Match': sentEtag } });
      expect(
        afterChange.status,
        say(
          'After a new notification the old ETag must not match any more: 200 with the new list (TODO 2.3).',
          'Nach einer neuen Benachrichtigung darf das alte ETag nicht mehr passen: 200 mit der neuen Liste (TODO 2.3).',
        ),
      ).toBe(200);
      expect(
        afterChange.headers.get('etag'),
        say(
          'A changed list needs a new ETag (TODO 2.3).',
          'Eine geänderte Liste braucht ein neues ETag (TODO 2.3).',
        ),
      ).not.toBe(sentEtag);
    },
  );
});
