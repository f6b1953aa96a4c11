// `pnpm test` inside an exercise, as its README tells students: the unit tests of the required TODOs of that
// exercise only, `pnpm test NAME` one file of them, and `pnpm test:bonus` the bonus ones.
import { expect, test } from '@playwright/test';
import { TypedCommand } from './typed-command';

const FOLDER = 'exercises/03-sse-notifications';

/** The test files Vitest reports, e.g. `server/sse-frame.test.ts`, from its output. */
function reportedFiles(output: string): string[] {
  const files = output.match(/exercises\/\d\d-[a-z-]+\/[a-z]+\/[a-z-]+\.test\.ts/g) ?? [];
  return [...new Set(files)].sort();
}

test('pnpm test in 03 runs the required unit tests of 03 only; the starter fails them', async () => {
  const command = new TypedCommand(['test'], { cwd: FOLDER });
  expect(await command.exit(), command.output).not.toBe(0);
  const files = reportedFiles(command.output);
  expect(files, command.output).toContain(`${FOLDER}/server/sse-frame.test.ts`);
  expect(
    files.every((file) => file.startsWith(FOLDER)),
    files.join(', '),
  ).toBe(true);
  expect(command.output, 'the bonus parser is not among the failures').not.toContain('Bonus · SseParser');
});

test('pnpm test sse-frame in 03 runs that one file, and pnpm test:bonus the bonus parser', async () => {
  const one = new TypedCommand(['test', 'sse-frame'], { cwd: FOLDER });
  expect(await one.exit(), one.output).not.toBe(0);
  expect(reportedFiles(one.output), one.output).toEqual([`${FOLDER}/server/sse-frame.test.ts`]);

  const bonus = new TypedCommand(['test:bonus'], { cwd: FOLDER });
  expect(await bonus.exit(), bonus.output).not.toBe(0);
  expect(bonus.output).toContain('Bonus · SseParser');
  expect(bonus.output, 'no required test among them').not.toContain('formatSseEvent');
});
