import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
