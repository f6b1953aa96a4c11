// Two participants in two browser contexts, with one broker and with two brokers on Redis.
import { expect, test } from '@playwright/test';
import { joinBoardPage, onlineNames, secondsLeft } from './board-page';
import { postJson } from './broker-client';
import { INSTRUCTOR_KEY, type PubSubStack, startPubSubStack } from './pubsub-stack';
import { type TestRedis, useTestRedis } from './redis-server';

const setups = [
  { title: 'one broker', brokerCount: 1 },
  { title: 'two brokers on Redis', brokerCount: 2 },
] as const;

for (const setup of setups) {
  test.describe(`the idea board with ${setup.title}`, () => {
    let redis: TestRedis | undefined;
    let stack: PubSubStack;

    test.beforeAll(async () => {
      redis = setup.brokerCount > 1 ? await useTestRedis() : undefined;
      stack = await startPubSubStack({ brokerCount: setup.brokerCount, redisUrl: redis?.url });
    });
    test.afterEach(async () => {
      const testInfo = test.info();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server output', { body: stack.logs(), contentType: 'text/plain' });
      }
    });
    test.afterAll(async () => {
      await stack?.stop();
      await redis?.stop();
    });

    test("two participants see each other, each other's ideas, the same countdown and the alert", async ({
      browser,
    }) => {
      const ada = await joinBoardPage(browser, stack.pageUrl, 'Ada');
      const bob = await joinBoardPage(browser, stack.pageUrl, 'Bob');
      for (const participant of [ada, bob]) {
        await expect
          .poll(() => onlineNames(participant.presence), { message: `${participant.name} sees both online` })
          .toEqual(['Ada', 'Bob']);
      }

      if (setup.brokerCount > 1) {
        const connections = await Promise.all(
          stack.brokerUrls.map(
            async (url) =>
              ((await (await fetch(`${url}/stats`)).json()) as { connections: number }).connections,
          ),
        );
        expect(connections, 'the app spread the two pages over both brokers').toEqual([1, 1]);
      }

      await ada.postIdea('Live quiz after each lecture');
      await bob.postIdea('Anonymous questions during the talk');
      for (const participant of [ada, bob]) {
        await expect(participant.ideas, `${participant.name} sees both ideas, newest first`).toHaveText([
          /Anonymous questions during the talk[\s\S]*Bob/,
          /Live quiz after each lecture[\s\S]*Ada/,
        ]);
      }

      expect((await postJson(`${stack.appUrl}/api/round`, { phase: 'ideas' }, INSTRUCTOR_KEY)).status).toBe(
        201,
      );
      await expect(ada.countdownTime).toHaveText(/^[78]:\d\d$/);
      await expect(bob.countdownTime).toHaveText(/^[78]:\d\d$/);
      const [left1, left2] = [await secondsLeft(ada.countdownTime), await secondsLeft(bob.countdownTime)];
      expect(Math.abs(left1 - left2), 'both count down to the same moment').toBeLessThanOrEqual(1);

      await postJson(`${stack.appUrl}/api/alerts`, { text: 'Two minutes left!' }, INSTRUCTOR_KEY);
      for (const participant of [ada, bob]) {
        await expect(participant.alerts, `the alert reaches ${participant.name}`).toContainText([
          'Two minutes left!',
        ]);
      }

      await bob.close();
      await expect(ada.presence, "Bob leaves Ada's list when his tab closes").toHaveText([/Ada/]);
      await ada.close();
    });

    test('the instructor panel starts a round and sends an alert; idea text is rendered as text', async ({
      browser,
    }) => {
      const instructor = await joinBoardPage(browser, stack.pageUrl, 'Instructor', '#instructor');
      const cy = await joinBoardPage(browser, stack.pageUrl, 'Cy');
      const page = instructor.page;
      await page.getByLabel('Instructor key').fill(INSTRUCTOR_KEY);
      await page.getByRole('button', { name: 'Start pair' }).click();
      await expect(cy.page.locator('[data-ui="countdown"]'), 'the phase reaches Cy').toContainText(/pair/i);
      await page.getByLabel('Alert').fill('Back to the plenum');
      await page.getByRole('button', { name: 'Send alert' }).click();
      await expect(cy.alerts).toContainText(['Back to the plenum']);

      const attack = '<img src=x onerror="window.__pwned = true">';
      await cy.postIdea(attack);
      await expect(instructor.ideas.first(), 'the markup is shown as text').toContainText(attack);
      await expect(instructor.page.locator('[data-ui="ideas"] img'), 'no element was created').toHaveCount(0);
      expect(await instructor.page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
      await cy.close();
      await instructor.close();
    });
  });
}
