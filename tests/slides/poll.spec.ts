// The audience poll: phones vote on the vote page, the slide shows the counts live over SSE.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DECKS, type RunningDecks, startBuiltDecks } from './built-decks';

let decks: RunningDecks;

test.beforeAll(async () => {
  decks = await startBuiltDecks();
});
test.afterAll(async () => {
  await decks?.stop();
});

test('votes from two devices show up live on the slide; a second vote moves, it does not add', async ({
  browser,
}) => {
  const deck = DECKS.find((each) => each.slug === 'workshop-de');
  if (!deck) throw new Error('workshop-de is missing from DECKS');
  const projector = await browser.newPage();
  await projector.goto(decks.deckUrl(deck, 'poll-mood'));
  const poll = projector.locator('[data-poll="mood"]');
  await expect(poll, 'the mood poll slide shows no poll').toBeVisible();
  await expect(poll.locator('.poll-qr svg'), 'the poll shows no QR code').toBeVisible();
  await expect(poll).toContainText(`localhost:${new URL(decks.baseUrl).port}/vote`);
  await expect(poll).toHaveAttribute('data-total', '0');

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
  await vote(phoneA, 'mood', 'Erst mal Kaffee');
  await expect(poll, 'the same device was counted twice').toHaveAttribute('data-total', '2');

  // A reload of the slides keeps the results: the server has them.
  await projector.reload();
  await expect(projector.locator('[data-poll="mood"]')).toHaveAttribute('data-total', '2');
});

test('the vote API answers bad input with 400 and a JSON error', async ({ request }) => {
  const votes = `${decks.baseUrl}/api/poll/votes`;
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'an unknown question',
      { questionId: 'nope', optionId: 'used', deviceId: 'device-123' },
      /no question "nope"/,
    ],
    [
      'an unknown option',
      { questionId: 'sse', optionId: 'maybe', deviceId: 'device-123' },
      /no option "maybe"/,
    ],
    ['no device id', { questionId: 'sse', optionId: 'used' }, /deviceId/],
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
  expect((await request.get(`${decks.baseUrl}/api/poll`)).ok()).toBe(true);
});

/** A phone: its own browser context, so its own localStorage and device id. */
async function openVotePage(browser: Browser, question: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${decks.baseUrl}/vote?q=${question}&lang=de`);
  return page;
}

async function vote(phone: Page, question: string, option: string): Promise<void> {
  const card = phone.locator(`[data-question="${question}"]`);
  const saved = phone.waitForResponse((response) => response.url().endsWith('/api/poll/votes'));
  await card.getByRole('button', { name: option }).click();
  expect((await saved).status(), `the vote for "${option}" was refused`).toBe(200);
  await expect(card.getByRole('button', { name: option })).toHaveAttribute('aria-pressed', 'true');
  await expect(card.locator('.status')).toContainText('Gespeichert');
}
