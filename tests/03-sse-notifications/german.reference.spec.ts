// The page of exercise 03 follows the browser's language: German students get German texts. Runs against solutions/.
import { expect, test } from '../harness/exercise-test';
import { notificationsPage } from '../harness/notifications-page';
import { publish, uniqueTitle } from './notification-publisher';

test.use({ exerciseName: '03-sse-notifications' });

test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('shows the German task card, headings and status', async ({ page, exercise, pageErrors }) => {
    await page.goto(exercise.pageUrl);
    const ui = notificationsPage(page);

    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    // A soft hyphen (\u00ad) lets the long word break on a phone instead of running off the screen.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Live-Benach\u00adrichtigungen');
    const card = page.locator('.task-card');
    await expect(card.getByRole('heading', { name: 'Deine Aufgabe' })).toBeVisible();
    await expect(card.locator('[lang="de"]')).toBeVisible();
    await expect(card.locator('[lang="de"]')).toContainText(exercise.studentUrlForPage);
    await expect(card.locator('[lang="en"]')).toBeHidden();
    await expect(page.getByText('Your task')).toBeHidden();

    await expect(ui.status).toHaveText('Verbunden');
    const table = page.locator('[data-ui="notification-table"] table');
    await expect(table.locator('caption')).toHaveText('Benachrichtigungen');
    await expect(table.locator('thead th')).toHaveText(['Zeit', 'Titel', 'Nachricht', 'Fortschritt']);
    expect(pageErrors).toEqual([]);
  });

  test('shows a new notification with German labels in its toast', async ({ page, exercise }) => {
    await page.goto(exercise.pageUrl);
    const ui = notificationsPage(page);
    await expect(ui.status).toHaveText('Verbunden');

    const title = uniqueTitle('Neu');
    const response = await publish(exercise.studentUrl, { title, message: 'Von der Kursleitung' });
    expect(response.status).toBe(201);

    await expect(ui.rowWithText(title)).toHaveCount(1);
    const toast = ui.toasts.filter({ hasText: title });
    await expect(toast.getByRole('button', { name: 'Benachrichtigung schließen' })).toBeVisible();
  });

  test('shows English when the address asks for it with ?lang=en', async ({ page, exercise }) => {
    await page.goto(`${exercise.pageUrl}/?lang=en`);
    const ui = notificationsPage(page);

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Live notifications');
    const card = page.locator('.task-card');
    await expect(card.getByRole('heading', { name: 'Your task' })).toBeVisible();
    await expect(card.locator('[lang="de"]')).toBeHidden();
    await expect(ui.status).toHaveText('Connected');
    await expect(page.locator('[data-ui="notification-table"] caption')).toHaveText('Notifications');
  });
});
