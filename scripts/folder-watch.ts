// `pnpm verify --watch`: runs the checks again when a file of the exercise is saved, one run at a time.
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

/** An editor writes a file in several steps (temp file, rename, touch): they count as one save. */
const SAVE_SETTLE_MS = 200;

/** Editors' swap and backup files, and what tools write: none of them is a save of your code. */
function isIgnored(file: string): boolean {
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (parts.some((part) => part === 'node_modules' || part.startsWith('.'))) return true;
  return name.endsWith('~') || name.endsWith('.swp') || name === '4913';
}

export interface FolderWatch {
  close(): void;
}

/**
 * Calls `run(changedFiles)` after files under `folder` were saved. Never two runs at once: a save during a run
 * starts one more run after it, with every file saved meanwhile.
 */
export function watchFolder(folder: string, run: (changed: string[]) => Promise<void>): FolderWatch {
  const pending = new Set<string>();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  const startRun = async () => {
    settleTimer = undefined;
    if (running || pending.size === 0) return;
    running = true;
    const changed = [...pending].sort();
    pending.clear();
    try {
      await run(changed);
    } finally {
      running = false;
      if (pending.size > 0) scheduleRun();
    }
  };

  const scheduleRun = () => {
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = setTimeout(startRun, SAVE_SETTLE_MS);
  };

  const watcher: FSWatcher = watch(folder, { recursive: true }, (_event, file) => {
    if (!file || isIgnored(file)) return;
    pending.add(file.split(path.sep).join('/'));
    // During a run the file waits in `pending`; the run's end starts the next one.
    if (!running) scheduleRun();
  });

  return {
    close() {
      if (settleTimer) clearTimeout(settleTimer);
      watcher.close();
    },
  };
}
