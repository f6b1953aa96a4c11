// `pnpm slides` as the README has it: the deck (Slidev, 3030) and the poll server (3040) both answer, and
// Ctrl+C ends both.
import { expect, test } from '@playwright/test';
import { busyPorts, TypedCommand } from './typed-command';

const SLIDES_PORT = 3030;
const POLL_PORT = 3040;

test.skip(process.platform === 'win32', 'Ctrl+C to a process group is a POSIX terminal; CI runs Linux.');

test('pnpm slides serves the German workshop deck and the poll, and Ctrl+C stops both', async () => {
  expect(await busyPorts([SLIDES_PORT, POLL_PORT]), 'stop any "pnpm slides" you are running').toEqual([]);
  const command = new TypedCommand(['slides']);
  try {
    await command.waitForLine(new RegExp(`^\\[slides\\].*http://localhost:${SLIDES_PORT}/`));
    await command.waitForLine(new RegExp(`^\\[poll\\].*http://localhost:${POLL_PORT}/`));

    const deck = await fetch(`http://localhost:${SLIDES_PORT}/`);
    expect(deck.status).toBe(200);
    expect(await deck.text(), 'the deck page').toMatch(/<div id="app"/);
    const votePage = await fetch(`http://localhost:${POLL_PORT}/vote?deck=workshop`);
    expect(votePage.status).toBe(200);
    const poll = await fetch(`http://localhost:${POLL_PORT}/api/poll?deck=workshop`);
    expect(poll.status, await poll.clone().text()).toBe(200);
  } finally {
    const left = await command.interrupt();
    expect(left, `Ctrl+C left processes behind. Output:\n${command.output}`).toEqual([]);
  }
  expect(await busyPorts([SLIDES_PORT, POLL_PORT]), 'Ctrl+C left ports taken').toEqual([]);
});
