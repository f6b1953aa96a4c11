import type { Page } from '@playwright/test';

export interface RunClockOptions {
  /** Page time per step: timers fire at their own moment within a step, so measured gaps stay exact; each
   * step costs the test two round trips to the page, so larger steps finish sooner. */
  stepMs?: number;
  /** Page time after which to give up. */
  maxMs?: number;
}

/**
 * Runs the page's clock (`page.clock.install()` before `goto`) forward in steps until `isDone` says so, so
 * that seconds of waiting in the page (retry backoff, Retry-After) pass in moments. Returns whether
 * `isDone` came true before `maxMs` of page time had passed.
 */
export async function runClockUntil(
  page: Page,
  isDone: () => Promise<boolean> | boolean,
  { stepMs = 250, maxMs = 60_000 }: RunClockOptions = {},
): Promise<boolean> {
  for (let ran = 0; ran < maxMs; ran += stepMs) {
    if (await isDone()) return true;
    await page.clock.runFor(stepMs);
  }
  return isDone();
}
