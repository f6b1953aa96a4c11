import type { Locator, Page } from '@playwright/test';

/** How the specs find things on the notifications page (the shared UI's markup). */
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
