import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FolderWatch, watchFolder } from './folder-watch';

let folder = '';
let watcher: FolderWatch | undefined;

afterEach(() => {
  watcher?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A promise and the function that resolves it. */
function signal<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('watchFolder', () => {
  it('runs once for a save of several files, and once more for a save during the run', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'folder-watch-'));
    mkdirSync(path.join(folder, 'server'));
    const runs: string[][] = [];
    const firstRunStarted = signal<void>();
    const finishFirstRun = signal<void>();
    const secondRunDone = signal<void>();
    watcher = watchFolder(folder, async (changed) => {
      runs.push(changed);
      if (runs.length === 1) {
        firstRunStarted.resolve();
        await finishFirstRun.promise;
      } else {
        secondRunDone.resolve();
      }
    });
    writeFileSync(path.join(folder, 'server', 'index.ts'), 'one');
    writeFileSync(path.join(folder, 'server', 'index.ts.swp'), 'editor swap file');
    writeFileSync(path.join(folder, 'client.ts'), 'two');
    await firstRunStarted.promise;
    // Saved while the first run is busy: waits for it, then gets a run of its own.
    writeFileSync(path.join(folder, 'client.ts'), 'three');
    finishFirstRun.resolve();
    await secondRunDone.promise;
    expect(runs).toEqual([['client.ts', 'server/index.ts'], ['client.ts']]);
  });

  // vim, JetBrains' safe write and git checkout replace the file; Node's recursive watch on Linux (20, 22) then
  // missed the next save in place.
  it('sees every save, also after one that renamed a new file over the old one, and in a new folder', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'folder-watch-'));
    mkdirSync(path.join(folder, 'server'));
    const file = path.join(folder, 'server', 'index.ts');
    writeFileSync(file, 'one');
    const runs = runQueue();
    watcher = watchFolder(folder, runs.record, { skip: ['client'] });

    writeFileSync(`${file}.tmp`, 'two');
    renameSync(`${file}.tmp`, file);
    expect(await runs.next()).toContain('server/index.ts');
    appendFileSync(file, 'three');
    expect(await runs.next()).toEqual(['server/index.ts']);
    mkdirSync(path.join(folder, 'server', 'routes'));
    writeFileSync(path.join(folder, 'server', 'routes', 'updates.ts'), 'four');
    expect(await runs.next()).toEqual(['server/routes/updates.ts']);
    // A skipped folder, saved with a file that counts: only the one that counts is named.
    mkdirSync(path.join(folder, 'client'));
    writeFileSync(path.join(folder, 'client', 'index.ts'), 'five');
    appendFileSync(file, 'six');
    expect(await runs.next()).toEqual(['server/index.ts']);
  });
});

/** Records each run's files; `next()` waits for the next run. */
function runQueue() {
  const done: string[][] = [];
  const waiting: ((changed: string[]) => void)[] = [];
  return {
    async record(changed: string[]): Promise<void> {
      const waiter = waiting.shift();
      if (waiter) waiter(changed);
      else done.push(changed);
    },
    next(): Promise<string[]> {
      const ready = done.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
