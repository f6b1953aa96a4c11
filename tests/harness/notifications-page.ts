import type { Locator, Page } from '@playwright/test';

/** How the specs find things on the notifications page of exercises 01–03 (the shared UI's markup). */
export function notificationsPage(page: Page) {
  return {
    rows: page.locator('[data-ui="notification-table"] tbody tr[data-id]'),
    rowWithText: (text: string): Locator =>
      page.locator('[data-ui="notification-table"] tbody tr', { hasText: text }),
    toasts: page.locator('[data-ui="toasts"] .toast'),
    progressToasts: page.locator('[data-ui="toasts"] .toast', { has: page.getByRole('progressbar') }),
    status: page.locator('[data-ui="connection-status"]'),
  };
}

/**
 * Starts recording the title of every toast the page adds, so a test can count flashes even after
 * toasts have left (the page shows at most three at a time). Returns a function that reads the record.
 */
export async function recordFlashes(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const flashed: string[] = [];
    Object.assign(window, { flashedTitles: flashed });
    const region = document.querySelector('[data-ui="toasts"] .toast-region');
    if (!region) throw new Error('no toast region on the page');
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          if (node instanceof HTMLElement)
            flashed.push(node.querySelector('.toast-title')?.textContent ?? '');
        }
      }
    }).observe(region, { childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { flashedTitles: string[] }).flashedTitles);
}
