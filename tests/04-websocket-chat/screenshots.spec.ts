// `pnpm screenshots`: regenerates docs/screenshots/ from the real solution pages, for the README.
import path from 'node:path';
import { ROOT } from '../../scripts/exercise-catalog';
import { expect, test } from '../harness/exercise-test';
import { showAddressesAsTyped } from '../harness/task-card';
import { chatPage } from './chat-page';

test.use({ exerciseName: '04-websocket-chat', viewport: { width: 1440, height: 900 } });

const CONVERSATION = [
  { from: 'Lena', message: 'Is anyone else still on the WebSocket exercise?' },
  { from: 'Jonas', message: 'Yes! My client works against the reference server. Now the server part.' },
  {
    from: 'Lena',
    message: 'Don’t forget the heartbeat: without it, dead connections stay in wss.clients forever.',
  },
  {
    from: 'Jonas',
    message: 'Good point. And I close the socket on pagehide, so the back button stays fast.',
  },
  { from: 'Lena', message: 'Nice. See you at the 2 pm session?' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`04 · WebSocket chat (${colorScheme})`, async ({ page, browser, exercise }) => {
    // A fresh server, so the picture shows only this conversation.
    await exercise.restartStudentServer();
    await page.emulateMedia({ colorScheme });
    const lena = chatPage(page);
    const jonasContext = await browser.newContext();
    const jonas = chatPage(await jonasContext.newPage());
    try {
      await page.goto(exercise.pageUrl);
      await jonas.page.goto(exercise.pageUrl);
      for (const user of [lena, jonas]) await expect(user.status).toContainText('Connected');

      for (const { from, message } of CONVERSATION) {
        await (from === 'Lena' ? lena : jonas).send(from, message);
        await expect(lena.messageWithText(message)).toHaveCount(1);
      }
      // Lena is typing her next message.
      await page.locator('input[name="message"]').fill('Sure, room 0.403!');

      const suffix = colorScheme === 'light' ? '' : '-dark';
      await showAddressesAsTyped(page, exercise);
      await page.screenshot({
        path: path.join(ROOT, 'docs', 'screenshots', `04-websocket-chat${suffix}.png`),
      });
    } finally {
      await jonasContext.close();
    }
  });
}
