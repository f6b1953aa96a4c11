// Phones follow the presenter: the vote page shows the poll of the slide on the projector by itself, and the
// break countdown with the same time left as the projector, also after a reload.
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { DECK_QUESTIONS } from '../../slides/poll/poll-questions';
import { DECKS, type RunningDecks, startBuiltDecks } from './built-decks';

let decks: RunningDecks;

test.beforeAll(async () => {
  decks = await startBuiltDecks();
});
test.afterAll(async () => {
  await decks?.stop();
});

test('two phones follow the presenter across poll slides and the break countdown', async ({ browser }) => {
  const deck = DECKS.find((each) => each.slug === 'workshop-de');
  if (!deck) throw new Error('workshop-de is missing from DECKS');
  const projector = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await projector.goto(decks.deckUrl(deck, 'poll-mood'));
  await expect(projector.locator('[data-poll="mood"]')).toBeVisible();

  // Opened once, without ?q=: from here on the phones show whatever the presenter's slide asks.
  const phones = [await openPhone(browser), await openPhone(browser)];
  for (const phone of phones) await expectShownQuestions(phone, ['mood']);

  await projector.goto(decks.deckUrl(deck, 'poll-seen-live'));
  for (const phone of phones) await expectShownQuestions(phone, ['seen-live']);
  // A vote from a following phone counts on the projector like any other.
  const [firstPhone, secondPhone] = phones as [Page, Page];
  await firstPhone.locator('[data-question="seen-live"]').getByRole('button', { name: 'Ja, klar' }).click();
  await expect(projector.locator('[data-poll="seen-live"] [data-option="yes"]')).toHaveAttribute(
    'data-count',
    '1',
  );

  // The break slide has no poll: the phones say so, and show no countdown before the presenter starts it.
  await projector.goto(decks.deckUrl(deck, 'break'));
  const projectorClock = projector.locator('[data-ui="break-clock"]');
  await expect(projectorClock).toHaveText('10:00');
  for (const phone of phones) {
    await expectShownQuestions(phone, []);
    await expect(phone.locator('[data-ui="waiting"]')).toBeVisible();
    await expect(phone.locator('[data-ui="break"]')).toBeHidden();
  }

  await projector.getByRole('button', { name: '10 Min.', exact: true }).click();
  await expect(projector.locator('.break-countdown')).toHaveAttribute('data-state', 'running');
  for (const phone of phones) {
    await expect(phone.locator('[data-ui="break"]'), 'the phone shows no break').toBeVisible();
    await expectSameTime(projectorClock, phone.locator('[data-ui="break-clock"]'));
  }
  // A reload (or a phone that joins late) gets the running break from the server, not a fresh 10:00.
  await secondPhone.reload();
  await expect(secondPhone.locator('[data-ui="break"]')).toBeVisible();
  await expectSameTime(projectorClock, secondPhone.locator('[data-ui="break-clock"]'));
  await projector.reload();
  await expect(projector.locator('.break-countdown')).toHaveAttribute('data-state', 'running');
  await expectSameTime(projectorClock, firstPhone.locator('[data-ui="break-clock"]'));

  // Ending the break ends it everywhere.
  await projector.getByRole('button', { name: 'Beenden' }).click();
  await expect(projectorClock).toHaveText('10:00');
  for (const phone of phones) await expect(phone.locator('[data-ui="break"]')).toBeHidden();

  // Back on a poll slide; a phone that stops following shows every question again.
  await projector.goto(decks.deckUrl(deck, 'poll-mood'));
  for (const phone of phones) await expectShownQuestions(phone, ['mood']);
  await firstPhone.getByLabel('Der Folie folgen').uncheck();
  await expect(firstPhone.locator('.question:visible')).toHaveCount(DECK_QUESTIONS.workshop.length);
  await expectShownQuestions(secondPhone, ['mood']);
});

test("a phone with its own clock five minutes behind still shows the projector's time left", async ({
  browser,
}) => {
  const deck = DECKS.find((each) => each.slug === 'workshop-en');
  if (!deck) throw new Error('workshop-en is missing from DECKS');
  const projector = await browser.newPage();
  await projector.goto(decks.deckUrl(deck, 'break'));
  await projector.getByRole('button', { name: '5 min', exact: true }).click();
  await expect(projector.locator('.break-countdown')).toHaveAttribute('data-state', 'running');
  const phone = await openPhone(browser, 'en');
  // The phone's Date.now() runs five minutes late; the countdown must come from the server's clock.
  await phone.addInitScript(() => {
    const realNow = Date.now;
    Date.now = () => realNow() - 300_000;
  });
  await phone.reload();
  await expect(phone.locator('[data-ui="break"]')).toBeVisible();
  await expectSameTime(
    projector.locator('[data-ui="break-clock"]'),
    phone.locator('[data-ui="break-clock"]'),
  );
  await projector.getByRole('button', { name: 'End' }).click();
});

/** A phone: its own browser context (own localStorage), the vote page of the workshop talk. */
async function openPhone(browser: Browser, language: 'de' | 'en' = 'de'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const phone = await context.newPage();
  await phone.goto(`${decks.baseUrl}/vote?deck=workshop&lang=${language}`);
  await expect(phone.getByLabel(language === 'de' ? 'Der Folie folgen' : 'Follow the slides')).toBeChecked();
  return phone;
}

async function expectShownQuestions(phone: Page, questions: string[]): Promise<void> {
  const shown = phone.locator('.question:visible');
  await expect(shown, `the phone does not show ${questions.join(', ') || 'no question'}`).toHaveCount(
    questions.length,
  );
  for (const [index, question] of questions.entries()) {
    await expect(shown.nth(index)).toHaveAttribute('data-question', question);
  }
}

/** Both clocks show the same time left, give or take the second that may tick between reading the two. */
async function expectSameTime(projectorClock: Locator, phoneClock: Locator): Promise<void> {
  await expect(phoneClock).toHaveText(/^\d\d:\d\d$/);
  const projectorSeconds = secondsOf(await projectorClock.textContent());
  const phoneSeconds = secondsOf(await phoneClock.textContent());
  expect(
    Math.abs(projectorSeconds - phoneSeconds),
    'the phone and the projector show different times',
  ).toBeLessThanOrEqual(1);
  expect(projectorSeconds, 'the countdown did not start from the chosen minutes').toBeGreaterThan(0);
}

function secondsOf(clock: string | null): number {
  const [minutes, seconds] = (clock ?? '').split(':').map(Number);
  return (minutes ?? Number.NaN) * 60 + (seconds ?? Number.NaN);
}
