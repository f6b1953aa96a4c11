// The talk on a class server (WORKSHOP_CLASS): the slides stay on the presenter's laptop, the poll is the class
// server's. The slide's QR code names the class server, phones vote there, and the counts, the follow mode and
// the break reach the projector through the laptop's poll server, which adds the instructor's key.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import express from 'express';
import { createPollServer, type PollServer } from '../../slides/poll/poll-server';
import { DECKS, type RunningDecks, startBuiltDecks } from './built-decks';

const KEY = 'class-instructor-key';
let classPoll: PollServer;
let classHttp: Server;
let classUrl: string;
let decks: RunningDecks;

test.beforeAll(async () => {
  // The class server's /poll, on a second loopback address: the room's other machine.
  classPoll = createPollServer({ presenterKey: KEY, isPresenter: () => false });
  const app = express();
  app.use('/poll', classPoll.mount());
  classHttp = createServer(app);
  await new Promise<void>((resolve) => classHttp.listen(0, '127.0.0.2', resolve));
  classUrl = `http://127.0.0.2:${(classHttp.address() as AddressInfo).port}`;
  decks = await startBuiltDecks({ relay: { baseUrl: `${classUrl}/poll`, key: KEY } });
});

test.afterAll(async () => {
  await decks?.stop();
  await classPoll?.close();
  classHttp?.closeAllConnections();
  await new Promise((resolve) => classHttp?.close(resolve));
});

test('the slide shows the class server’s vote page; a phone votes and follows there, the projector counts', async ({
  browser,
}) => {
  const deck = DECKS.find((each) => each.slug === 'workshop-de');
  if (!deck) throw new Error('workshop-de is missing from DECKS');
  const projector = await browser.newPage();
  await projector.goto(decks.deckUrl(deck, 'poll-mood'));
  const poll = projector.locator('[data-poll="mood"]');
  await expect(poll.locator('.poll-url'), 'the QR code names the laptop, not the class server').toHaveText(
    `${new URL(classUrl).host}/poll/vote?deck=workshop`,
  );

  const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await phone.goto(`${classUrl}/poll/vote?deck=workshop&lang=de`);
  await expect(phone.locator('.question:visible'), 'the phone does not follow the slide').toHaveCount(1);
  await phone.locator('[data-question="mood"]').getByRole('button', { name: 'Passt schon' }).click();
  await expect(poll.locator('[data-option="okay"]')).toHaveAttribute('data-count', '1');
  expect(classPoll.store('workshop').tally('mood').okay, 'the vote is not the class server’s').toBe(1);

  await projector.goto(decks.deckUrl(deck, 'break'));
  await projector.getByRole('button', { name: '5 Min.', exact: true }).click();
  await expect(phone.locator('[data-ui="break"]'), 'the break did not reach the class server').toBeVisible();
  await projector.getByRole('button', { name: 'Beenden' }).click();
  await expect(phone.locator('[data-ui="break"]')).toBeHidden();
});
