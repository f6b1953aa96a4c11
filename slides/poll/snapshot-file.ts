import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PollSnapshot, PollStore } from './poll-store';

/** Reads the votes of an earlier run; a missing or unreadable file starts empty (with a warning). */
export function readSnapshot(file: string): PollSnapshot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as PollSnapshot;
  } catch {
    // Falls through to the warning: a half-written file must not stop the talk.
  }
  console.warn(`Ignoring ${file}: it is not a poll snapshot. The poll starts empty.`);
  return {};
}

/**
 * Writes the store to `file` shortly after every change, so results survive a restart. Writes go to a
 * temporary file first and are renamed, so a crash never leaves half a file. Returns the function that stops.
 */
export function saveSnapshotOnChange(store: PollStore, file: string, delayMs = 250): () => void {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    timer = undefined;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, `${JSON.stringify(store.snapshot(), null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  };
  const unsubscribe = store.subscribe(() => {
    timer ??= setTimeout(write, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) {
      clearTimeout(timer);
      write();
    }
  };
}
