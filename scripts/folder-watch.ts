// Notices saves in an exercise folder: for `pnpm verify --watch` (checks again) and `pnpm dev` (restarts a server).
import { type Dirent, type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
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

export interface FolderWatchOptions {
  /** Top-level folders whose saves do not count, e.g. `client` for a server (Vite reloads the page for those). */
  skip?: string[];
}

export interface FolderWatch {
  close(): void;
}

/**
 * Calls `run(changedFiles)` after files under `folder` were saved. Never two runs at once: a save during a run
 * starts one more run after it, with every file saved meanwhile.
 *
 * Each folder is watched, not each file: vim, JetBrains' safe write and `git checkout` save by renaming a new
 * file over the old one, and a watch on the old file goes quiet (Node's recursive watch on Linux does that too).
 */
export function watchFolder(
  folder: string,
  run: (changed: string[]) => Promise<void>,
  options: FolderWatchOptions = {},
): FolderWatch {
  const skipped = new Set(options.skip ?? []);
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let closed = false;

  const startRun = async () => {
    settleTimer = undefined;
    if (running || closed || pending.size === 0) return;
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

  const counts = (relative: string) => {
    const topLevel = relative.split('/')[0] ?? '';
    return !isIgnored(relative) && !skipped.has(topLevel);
  };

  const onEvent = (directory: string, name: string) => {
    const absolute = path.join(directory, name);
    const relative = path.relative(folder, absolute).split(path.sep).join('/');
    if (!counts(relative)) return;
    if (watchers.has(absolute)) {
      // A watched folder was removed or renamed: its watch is gone with it.
      if (!isDirectory(absolute)) stopWatching(absolute);
      return;
    }
    // A new folder (or one moved here): watch it, and what it holds already counts as saved.
    if (isDirectory(absolute)) {
      watchTree(absolute);
      for (const file of listFiles(absolute)) markSaved(file);
      return;
    }
    markSaved(absolute);
  };

  const markSaved = (absolute: string) => {
    const relative = path.relative(folder, absolute).split(path.sep).join('/');
    if (!counts(relative)) return;
    pending.add(relative);
    // During a run the file waits in `pending`; the run's end starts the next one.
    if (!running) scheduleRun();
  };

  const watchTree = (directory: string) => {
    if (closed || watchers.has(directory)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(directory, (_event, name) => {
        if (name) onEvent(directory, name.toString());
      });
    } catch {
      return; // Removed before it could be watched.
    }
    // The folder went away (Windows reports that as an error): forget its watch.
    watcher.on('error', () => stopWatching(directory));
    watchers.set(directory, watcher);
    for (const entry of listFolders(directory)) {
      const relative = path.relative(folder, path.join(directory, entry.name)).split(path.sep).join('/');
      if (counts(relative)) watchTree(path.join(directory, entry.name));
    }
  };

  const stopWatching = (directory: string) => {
    for (const [watched, watcher] of watchers) {
      if (watched !== directory && !watched.startsWith(directory + path.sep)) continue;
      watcher.close();
      watchers.delete(watched);
    }
  };

  watchTree(folder);

  return {
    close() {
      closed = true;
      if (settleTimer) clearTimeout(settleTimer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** Every file under `directory`, in its subfolders too. */
function listFiles(directory: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const absolute = path.join(directory, entry.name);
    return entry.isDirectory() ? listFiles(absolute) : [absolute];
  });
}

function listFolders(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  } catch {
    return [];
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
