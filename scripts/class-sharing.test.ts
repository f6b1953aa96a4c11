import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClassApp } from '../classroom/server/class-app';
import { CLASS_ROUTES } from '../classroom/server/class-routes';
import { ProgressStore } from '../classroom/server/progress-store';
import { TrafficCounter } from '../classroom/server/traffic-counter';
import { chooseSharing, shareResults } from './class-sharing';
import type { CheckOutcome } from './verify-changes';

const folders: string[] = [];
function envFile(text?: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'class-sharing-'));
  folders.push(folder);
  const file = path.join(folder, '.env');
  if (text !== undefined) writeFileSync(file, text);
  return file;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

const base = { exercise: '01', language: 'en' as const, nameFlag: undefined, interactive: false };

describe('chooseSharing', () => {
  it('shares nothing without a class server', async () => {
    vi.stubEnv('WORKSHOP_CLASS', '');
    expect(await chooseSharing({ ...base, classFlag: undefined, envFile: envFile() })).toBeUndefined();
  });

  it('remembers --name in .env, beside what is there', async () => {
    const file = envFile('WORKSHOP_CLASS=http://10.0.0.9:8000\n');
    const sharing = await chooseSharing({
      ...base,
      classFlag: undefined,
      nameFlag: 'Ada Lovelace',
      envFile: file,
    });
    expect(sharing).toEqual({ classUrl: 'http://10.0.0.9:8000', name: 'Ada Lovelace' });
    expect(readFileSync(file, 'utf8')).toBe(
      'WORKSHOP_CLASS=http://10.0.0.9:8000\nWORKSHOP_NAME=Ada Lovelace\n',
    );
    const again = await chooseSharing({ ...base, classFlag: undefined, envFile: file });
    expect(again?.name).toBe('Ada Lovelace');
  });

  it('asks once in a terminal; an empty answer is remembered as "do not share"', async () => {
    const file = envFile();
    const ask = vi.fn(async (_question: string) => '');
    expect(
      await chooseSharing({ ...base, classFlag: 'http://h:8000', envFile: file, interactive: true, ask }),
    ).toBe(undefined);
    expect(ask.mock.calls[0]?.[0]).toContain('Only your name and which checks pass leave this laptop');
    expect(readFileSync(file, 'utf8')).toBe('WORKSHOP_NAME=\n');
    expect(
      await chooseSharing({ ...base, classFlag: 'http://h:8000', envFile: file, interactive: true, ask }),
    ).toBe(undefined);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('without a terminal, says how to share instead of asking', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await chooseSharing({ ...base, classFlag: 'http://h:8000', envFile: envFile() })).toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('run "pnpm verify 01 --name <your name>" once'));
    log.mockRestore();
  });

  it('refuses a name the board cannot show', async () => {
    await expect(
      chooseSharing({ ...base, classFlag: 'http://h:8000', nameFlag: '<b>Ada</b>', envFile: envFile() }),
    ).rejects.toThrow('letters, digits, spaces');
  });
});

describe('shareResults', () => {
  it('sends the name and each check’s outcome, and says so', async () => {
    const store = new ProgressStore();
    const app = createClassApp({
      routes: CLASS_ROUTES,
      store,
      instructorKey: 'k',
      boardScript: '',
      traffic: new TrafficCounter([]),
    });
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const classUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outcomes = new Map<string, CheckOutcome>([
      ['Part 1 · client › shows that it is connected', { outcome: 'passed' }],
      [
        'Part 2 · server › answers',
        { outcome: 'failed', reason: 'Expected 200, got 404 (a reason stays here)' },
      ],
    ]);
    try {
      expect(await shareResults({ classUrl, name: 'Ada' }, '01', outcomes, 'en')).toBe(
        'Shared with the class server as Ada: your name and the check results.',
      );
      expect(store.snapshot()).toEqual([
        expect.objectContaining({
          name: 'Ada',
          exercise: '01',
          checks: [
            { title: 'Part 1 · client › shows that it is connected', outcome: 'passed' },
            { title: 'Part 2 · server › answers', outcome: 'failed' },
          ],
        }),
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says why when the class server cannot be reached, without throwing', async () => {
    const line = await shareResults({ classUrl: 'http://127.0.0.1:9', name: 'Ada' }, '01', new Map(), 'de');
    expect(line).toMatch(/^Der Klassen-Server hat nichts bekommen: /);
  });
});
