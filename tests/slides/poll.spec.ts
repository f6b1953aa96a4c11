// The audience poll: phones vote on the vote page, the slide shows the counts live over SSE.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DECK_QUESTIONS } from '../../slides/poll/poll-questions';
import { DECKS, type RunningDecks, startBuiltDecks } from './built-decks';

let decks: RunningDecks;

test.beforeAll(async () => {
  decks = await startBuiltDecks();
});
test.afterAll(async () => {
  await decks?.stop();
});

test('votes from two devices show up live on the slide; a second vote moves, a repeat does not add', async ({
  browser,
}) => {
  const deck = DECKS.find((each) => each.slug === 'workshop-de');
  if (!deck) throw new Error('workshop-de is missing from DECKS');
  const projector = await browser.newPage();
  // The slides read nothing besides their one event stream: its first event has the URL and questions. (The
  // presenter's deck also posts which slide it shows, for the phones that follow: not a read.)
  const pollRequests: string[] = [];
  projector.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname.startsWith('/api/poll'))
      pollRequests.push(new URL(request.url()).pathname);
  });
  await projector.goto(decks.deckUrl(deck, 'poll-mood'));
  const poll = projector.locator('[data-poll="mood"]');
  await expect(poll, 'the mood poll slide shows no poll').toBeVisible();
  await expect(poll.locator('.poll-qr svg'), 'the poll shows no QR code').toBeVisible();
  await expect(poll).toContainText(`localhost:${new URL(decks.baseUrl).port}/vote?deck=workshop`);
  await expect(poll).toHaveAttribute('data-total', '0');
  expect(pollRequests, 'the slides asked the poll server more than their event stream').toEqual([
    '/api/poll/events',
  ]);

  const phoneA = await openVotePage(browser, 'mood');
  const phoneB = await openVotePage(browser, 'mood');
  await vote(phoneA, 'mood', 'Voll motiviert');
  await vote(phoneB, 'mood', 'Passt schon');

  // No reload: the counts arrive over the event stream.
  await expect(poll, 'the slide did not count both votes').toHaveAttribute('data-total', '2');
  await expect(poll.locator('[data-option="ready"]')).toHaveAttribute('data-count', '1');
  await expect(poll.locator('[data-option="okay"]')).toHaveAttribute('data-count', '1');

  await vote(phoneA, 'mood', 'Erst mal Kaffee');
  await expect(poll.locator('[data-option="coffee"]'), 'the changed vote did not arrive').toHaveAttribute(
    'data-count',
    '1',
  );
  await expect(
    poll.locator('[data-option="ready"]'),
    'the changed vote was added, not moved',
  ).toHaveAttribute('data-count', '0');
  // The same vote again: the server's answer shows it did not add (the slide would show 2 either way
  // for a moment, so asking the slide alone proves nothing).
  const repeated = await vote(phoneA, 'mood', 'Erst mal Kaffee');
  expect(repeated.tally, 'the same device was counted twice').toEqual({ ready: 0, okay: 1, coffee: 1 });
  // A later vote from another device arrives after the repeat; the slide then shows exactly three.
  const phoneC = await openVotePage(browser, 'mood');
  await vote(phoneC, 'mood', 'Voll motiviert');
  await expect(poll, 'the repeated vote was counted on the slide').toHaveAttribute('data-total', '3');
  await expect(poll.locator('[data-option="coffee"]')).toHaveAttribute('data-count', '1');

  // A reload of the slides keeps the results: the server has them.
  await projector.reload();
  await expect(projector.locator('[data-poll="mood"]')).toHaveAttribute('data-total', '3');
});

test('the slides open a new event stream when the browser gives up on one (an error status)', async ({
  page,
}) => {
  const deck = DECKS.find((each) => each.slug === 'workshop-en');
  if (!deck) throw new Error('workshop-en is missing from DECKS');
  // The first stream gets a 503, as from a proxy while the poll server restarts: EventSource gives up
  // (CLOSED) and does not retry by itself.
  let refused = 0;
  await page.route('**/api/poll/events?*', async (route) => {
    if (refused === 0) {
      refused += 1;
      await route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"restarting"}' });
      return;
    }
    await route.fallback();
  });
  await page.goto(decks.deckUrl(deck, 'poll-mood'));
  const poll = page.locator('[data-poll="mood"]');
  await expect(poll.locator('.poll-qr svg'), 'the slides did not reconnect after the 503').toBeVisible();
  await expect(poll.locator('.poll-offline')).toHaveCount(0);
  expect(refused).toBe(1);
  // The new stream is live: a vote shows up without a reload.
  const before = Number(await poll.getAttribute('data-total'));
  const response = await page.request.post(`${decks.baseUrl}/api/poll/votes`, {
    data: { deck: 'workshop', questionId: 'mood', optionId: 'okay', deviceId: 'reconnect-test' },
  });
  expect(response.ok()).toBe(true);
  await expect(poll).toHaveAttribute('data-total', String(before + 1));
});

test('the buttons of a card are disabled while its vote is on the way', async ({ browser }) => {
  const phone = await openVotePage(browser, 'sse');
  const card = phone.locator('[data-question="sse"]');
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await phone.route('**/api/poll/votes', async (route) => {
    await held;
    await route.fallback();
  });
  await card.getByRole('button', { name: 'Schon gesehen' }).click();
  for (const name of ['Schon benutzt', 'Schon gesehen', 'Noch nie gehört']) {
    await expect(
      card.getByRole('button', { name }),
      `"${name}" can be tapped during the vote`,
    ).toBeDisabled();
  }
  release();
  await expect(card.locator('.status')).toContainText('Gespeichert');
  await expect(card.getByRole('button', { name: 'Noch nie gehört' })).toBeEnabled();
  await expect(card.getByRole('button', { name: 'Schon gesehen' })).toHaveAttribute('aria-pressed', 'true');
});

test('the vote page shows the questions of its talk only, and links the talks without ?deck=', async ({
  page,
}) => {
  await page.goto(`${decks.baseUrl}/vote?deck=pubsub&lang=en`);
  await expect(page.locator('[data-question]')).toHaveCount(DECK_QUESTIONS.pubsub.length);
  await expect(page.locator('[data-question="studip-use"]')).toBeVisible();
  await expect(page.locator('[data-question="mood"]')).toHaveCount(0);
  await expect(page.locator('[data-question="pubsub"]')).toBeVisible();
  await page.goto(`${decks.baseUrl}/vote?lang=en`);
  await page.getByRole('link', { name: /workshop/ }).click();
  await expect(page.locator('[data-question="mood"]')).toBeVisible();
});

test('the vote API answers bad input with 400 and a JSON error', async ({ request }) => {
  const votes = `${decks.baseUrl}/api/poll/votes`;
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'an unknown question',
      { deck: 'workshop', questionId: 'nope', optionId: 'used', deviceId: 'device-123' },
      /no question "nope"/,
    ],
    [
      'an unknown option',
      { deck: 'workshop', questionId: 'sse', optionId: 'maybe', deviceId: 'device-123' },
      /no option "maybe"/,
    ],
    ['no device id', { deck: 'workshop', questionId: 'sse', optionId: 'used' }, /deviceId/],
    ['no deck', { questionId: 'sse', optionId: 'used', deviceId: 'device-123' }, /deck must be one of/],
    [
      'a question of the other talk',
      { deck: 'pubsub', questionId: 'mood', optionId: 'okay', deviceId: 'device-123' },
      /no question "mood"/,
    ],
  ];
  for (const [what, body, message] of cases) {
    const response = await request.post(votes, { data: body });
    expect(response.status(), `${what} was not refused`).toBe(400);
    expect((await response.json()).error).toMatch(message);
  }
  const broken = await request.post(votes, {
    data: '{"questionId":',
    headers: { 'Content-Type': 'application/json' },
  });
  expect(broken.status(), 'broken JSON was not refused').toBe(400);
  expect(await broken.json()).toEqual({ error: 'The body is not valid JSON.' });
  // Still alive after all that.
  expect((await request.get(`${decks.baseUrl}/api/poll?deck=workshop`)).ok()).toBe(true);
});

/** A phone: its own browser context, so its own localStorage and device id. */
async function openVotePage(browser: Browser, question: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  // Not following the presenter: these tests vote on questions whatever slide a projector shows
  // (follow.spec.ts tests following).
  await context.addInitScript(() => localStorage.setItem('realtime-workshop.poll.follow', 'off'));
  const page = await context.newPage();
  await page.goto(`${decks.baseUrl}/vote?deck=workshop&q=${question}&lang=de`);
  return page;
}

/** Taps an answer on a phone; returns the server's answer (with the question's new tally). */
async function vote(
  phone: Page,
  question: string,
  option: string,
): Promise<{ tally: Record<string, number> }> {
  const card = phone.locator(`[data-question="${question}"]`);
  const saved = phone.waitForResponse((response) => response.url().endsWith('/api/poll/votes'));
  await card.getByRole('button', { name: option }).click();
  const response = await saved;
  expect(response.status(), `the vote for "${option}" was refused`).toBe(200);
  await expect(card.getByRole('button', { name: option })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.locator('.status')).toContainText('Gespeichert');
  return (await response.json()) as { tally: Record<string, number> };
}
