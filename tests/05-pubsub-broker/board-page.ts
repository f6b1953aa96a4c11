import { type Browser, type BrowserContextOptions, expect, type Locator, type Page } from '@playwright/test';

/** The idea board as a participant sees it, in its own browser context (its own session and storage). */
export interface Participant {
  readonly name: string;
  readonly page: Page;
  readonly ideas: Locator;
  readonly presence: Locator;
  readonly countdownTime: Locator;
  readonly alerts: Locator;
  postIdea(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens the board in a fresh context (a phone's, if asked) and joins under `name`; page errors fail the test. */
export async function joinBoardPage(
  browser: Browser,
  pageUrl: string,
  name: string,
  hash = '',
  contextOptions: BrowserContextOptions = {},
): Promise<Participant> {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${pageUrl}/${hash}`);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  // You are on your own presence list once the broker confirmed the subscription.
  await expect
    .poll(() => onlineNames(page.locator('[data-ui="presence"] li')), { message: `${name} is subscribed` })
    .toContain(name);
  const participant: Participant = {
    name,
    page,
    ideas: page.locator('[data-ui="ideas"] li'),
    presence: page.locator('[data-ui="presence"] li'),
    countdownTime: page.locator('[data-ui="countdown"] [data-part="time"]'),
    alerts: page.locator('[data-ui="alerts"] [role="alert"]'),
    async postIdea(text: string) {
      const field = page.getByLabel('Your idea');
      await field.fill(text);
      await page.getByRole('button', { name: 'Post idea' }).click();
      // The form empties once the app backend stored the idea.
      await expect(field, `${name}'s idea was accepted`).toHaveValue('');
    },
    async close() {
      expect(errors, `no errors in ${name}'s page`).toEqual([]);
      await context.close();
    },
  };
  return participant;
}

/** `7:59` → 479. */
export async function secondsLeft(countdownTime: Locator): Promise<number> {
  const text = (await countdownTime.textContent()) ?? '';
  const match = /(\d+):(\d\d)/.exec(text);
  if (!match) throw new Error(`The countdown shows "${text}", not m:ss.`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The names in the presence list, sorted, without the "(you)" mark. */
export async function onlineNames(presence: Locator): Promise<string[]> {
  const texts = await presence.allInnerTexts();
  return texts.map((text) => text.replace('(you)', '').trim()).sort();
}
