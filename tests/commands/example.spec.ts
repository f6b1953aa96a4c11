// `pnpm example NAME` as typed: each minimal example (the first code the slides show for its technique) starts
// on its documented port, its page shows what the technique does, and Ctrl+C leaves nothing behind.
import { expect, type Page, test } from '@playwright/test';
import { busyPorts, TypedCommand } from './typed-command';

const PORT = 3500;
const PAGE = `http://localhost:${PORT}`;

interface ExampleCheck {
  name: string;
  /** What the page's log shows once the technique worked, in this order (each as a part of one line). */
  expectLog: RegExp[];
  /** What the first page shows after a second page opened, for the examples that connect clients. */
  secondPage?: RegExp[];
}

const EXAMPLES: ExampleCheck[] = [
  // Two answers: the client asked again after the first one.
  { name: 'short-polling', expectLog: [/^Received: \{"count":\d+,/, /^Received: \{"count":\d+,/] },
  // The server held the request until its news came.
  { name: 'long-polling', expectLog: [/^Received: \{"count":[1-9]\d*,/] },
  { name: 'sse', expectLog: [/^message: tick 1$/, /^message: tick 3$/, /^custom-event: 3rd tick$/] },
  {
    name: 'websocket',
    expectLog: [/^Connected$/, /^Message from server: Welcome!$/, /^Message from server: Hello, server!$/],
    // The second page's hello reaches the first one too: the server passes every message to everyone.
    secondPage: [/^Message from server: Hello, server!$/],
  },
  {
    name: 'echo',
    expectLog: [/^Echo \(12 characters\): Hello, echo!$/, /^Echo \(100 characters\): A long one: x+$/],
  },
];

for (const example of EXAMPLES) {
  test(`pnpm example ${example.name} runs the example on ${PORT}; Ctrl+C frees the port`, async ({
    browser,
  }) => {
    const command = new TypedCommand(['example', example.name]);
    try {
      await command.waitForLine(new RegExp(`^Example ${example.name}: open ${PAGE} in a browser`));
      const first = await (await browser.newContext()).newPage();
      await first.goto(PAGE);
      await expect(first.locator('h1')).toHaveText(`Example: ${example.name}`);
      await expectLogLines(first, example.expectLog);
      if (example.secondPage) {
        const second = await (await browser.newContext()).newPage();
        await second.goto(PAGE);
        await expectLogLines(first, [...example.expectLog, ...example.secondPage]);
        await second.context().close();
      }
      await first.context().close();
    } finally {
      const left = await command.interrupt();
      expect(left, `Ctrl+C left processes behind. Output:\n${command.output}`).toEqual([]);
    }
    expect(await busyPorts([PORT]), 'Ctrl+C left the port taken').toEqual([]);
  });
}

test('pnpm example without a known name lists the examples', async () => {
  const command = new TypedCommand(['example', 'websockets']);
  expect(await command.exit()).not.toBe(0);
  expect(command.output).toContain('There is no example "websockets". Run one of: pnpm example echo,');
  expect(command.output).toContain('pnpm example websocket');
});

/** The log has a line matching each pattern, in order (other lines may come between). */
async function expectLogLines(page: Page, patterns: RegExp[]): Promise<void> {
  await expect
    .poll(async () => inOrder(await page.locator('#log li').allTextContents(), patterns), {
      message: `the page's log shows ${patterns.join(', then ')}`,
    })
    .toBe(true);
}

function inOrder(lines: string[], patterns: RegExp[]): boolean {
  let next = 0;
  for (const line of lines) {
    const pattern = patterns[next];
    if (pattern?.test(line)) next += 1;
  }
  return next === patterns.length;
}
