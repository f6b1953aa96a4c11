// `pnpm verify NN` as students type it (05: its starter fails in about 20 s): against an untouched starter it fails and names the TODOs to do;
// with `--solution` it passes.
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../../scripts/exercise-catalog';
import { TypedCommand } from './typed-command';

test('pnpm verify 05 on the untouched starter fails, with hints that name the TODOs', async () => {
  const command = new TypedCommand(['verify', '05']);
  const code = await command.exit();
  expect(code, command.output).not.toBe(0);
  expect(command.output).toContain('Checking exercises/05-pubsub-broker in a browser');
  for (const part of ['1', '2', '3']) {
    expect(command.output, `a failure names a TODO ${part}.x`).toMatch(new RegExp(`TODO ${part}\\.\\d`));
  }
  expect(command.output).toContain('Some checks fail.');
  expect(command.output, 'the summary counts the required checks').toMatch(
    /Required [0-4]\/5 · no bonus checks/,
  );
  expect(command.output, 'a check that builds on a failed one is skipped with its TODOs').toContain(
    '1 check skipped: it needs TODO 1.1–1.3 first (the page subscribes and shows who is online)',
  );
});

test('pnpm verify 05 --solution passes', async () => {
  const command = new TypedCommand(['verify', '05', '--solution']);
  const code = await command.exit();
  expect(code, command.output).toBe(0);
  expect(command.output).toContain('Required 5/5 · no bonus checks');
  expect(command.output).toContain('All checks of exercise 05 pass.');
});

test('pnpm verify 04 --part 2 --solution checks only the server part, and leaves the SSE variant to --variant', async () => {
  const command = new TypedCommand(['verify', '04', '--part', '2', '--solution']);
  const code = await command.exit();
  expect(code, command.output).toBe(0);
  expect(command.output).toContain('Checking solutions/04-websocket-chat (only Part 2 of exercise 04)');
  expect(command.output, 'the eight checks of Part 2, four of them bonus').toContain(
    'Required 4/4 · Bonus 4/4',
  );
  expect(command.output).not.toContain('Part 1 ·');
  expect(command.output, 'the SSE variant has checks of its own').not.toContain(
    'SSE variant (pnpm dev:sse) ›',
  );
  expect(command.output).toContain(
    'The SSE variant (bonus) has checks of its own: pnpm verify 04 --variant sse',
  );
  expect(command.output).toContain('All checks of Part 2 of exercise 04 pass.');
});

test('pnpm verify --help lists the options; a part the exercise lacks, or one without checks, is named', async () => {
  const help = new TypedCommand(['verify', '--help']);
  expect(await help.exit(), help.output).toBe(0);
  for (const option of ['--part 1', '--part bonus', '--variant sse', '--solution']) {
    expect(help.output).toContain(option);
  }
  const wrong = new TypedCommand(['verify', '01', '--part', '3']);
  expect(await wrong.exit(), wrong.output).not.toBe(0);
  expect(wrong.output).toContain('Exercise 01 has Parts 1 and 2; only exercise 05 has a Part 3.');
  expect(wrong.output, 'nothing started').not.toContain('Checking');
  const none = new TypedCommand(['verify', '05', '--part', 'bonus', '--solution']);
  expect(await none.exit(), none.output).not.toBe(0);
  expect(none.output).toContain('Exercise 05 has no checks for --part bonus.');
});

test('pnpm verify 01 --part 2 --watch --lang de checks again when a file is saved, in German, and Ctrl+C stops it', async () => {
  const command = new TypedCommand(['verify', '01', '--part', '2', '--watch', '--lang', 'de']);
  try {
    await command.waitForLine(/^Beobachte exercises\/01-short-polling: speichere eine Datei/);
    expect(command.output).toContain('Prüfe exercises/01-short-polling (nur Teil 2 von Übung 01) im Browser');
    expect(command.output, 'the checks speak German too').toContain('Teil 2 ·');
    expect(command.output).toContain('Pflicht 0/3 · Bonus 0/1');
    // A save as an editor does it; a client file, so no `pnpm dev` of another check restarts a server.
    const saved = path.join(ROOT, 'exercises/01-short-polling/client/index.ts');
    const now = new Date();
    utimesSync(saved, now, now);
    await command.waitForLine(/client\/index\.ts gespeichert: prüfe erneut/);
    await command.waitForLine(/^Kein Check hat sein Ergebnis geändert\./);
  } finally {
    const left = await command.interrupt();
    expect(left, `Ctrl+C left processes behind. Output:\n${command.output}`).toEqual([]);
  }
  expect(command.output).toContain('Beobachten beendet.');
  const summaries = command.output.split('\n').filter((line) => line.startsWith('Pflicht 0/3'));
  expect(summaries, 'a summary after the first run and after the save').toHaveLength(2);
});
