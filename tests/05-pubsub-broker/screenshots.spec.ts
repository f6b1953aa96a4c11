// `pnpm screenshots`: the README's picture of the idea board, from the real solution page.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/exercise-catalog';
import { joinBoardPage } from './board-page';
import { postJson } from './broker-client';
import { INSTRUCTOR_KEY, startPubSubStack } from './pubsub-stack';

const IDEAS = [
  { from: 'Jonas', text: 'Live poll at the start of every lecture: what do you already know?' },
  { from: 'Lena', text: 'Show who else is working on the same exercise right now' },
  { from: 'Mia', text: 'Push the room change to everyone\u2019s phone the moment it happens' },
  { from: 'Lena', text: 'A shared whiteboard for the exercise groups, synced over WebSockets' },
  { from: 'Jonas', text: 'Notify me when my submission has been graded' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`05 · idea board (${colorScheme})`, async ({ browser }) => {
    const stack = await startPubSubStack();
    const people = new Map<string, Awaited<ReturnType<typeof joinBoardPage>>>();
    try {
      for (const name of ['Lena', 'Jonas', 'Mia'])
        people.set(name, await joinBoardPage(browser, stack.pageUrl, name));
      await postJson(`${stack.appUrl}/api/round`, { phase: 'ideas' }, INSTRUCTOR_KEY);
      for (const { from, text } of IDEAS) await people.get(from)?.postIdea(text);
      await postJson(
        `${stack.appUrl}/api/alerts`,
        { text: 'Three minutes left, then find a partner!' },
        INSTRUCTOR_KEY,
      );

      const lena = people.get('Lena');
      if (!lena) throw new Error('Lena did not join.');
      await lena.page.setViewportSize({ width: 1440, height: 900 });
      await lena.page.emulateMedia({ colorScheme });
      await expect(lena.ideas).toHaveCount(IDEAS.length);
      await expect(lena.alerts).toHaveCount(1);
      await lena.page.getByLabel('Your idea').fill('Office hours queue with live position');
      const suffix = colorScheme === 'light' ? '' : '-dark';
      await lena.page.screenshot({
        path: path.join(ROOT, 'docs', 'screenshots', `05-pubsub-broker${suffix}.png`),
      });
    } finally {
      for (const person of people.values()) await person.close();
      await stack.stop();
    }
  });
}
