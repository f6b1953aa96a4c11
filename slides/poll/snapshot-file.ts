import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PollSnapshot, PollStore } from './poll-store';

/**
 * Reads the votes of an earlier run. A missing file starts empty; an unreadable one starts empty with a
 * warning; parts that are not `question → { device: option }` are skipped with a warning, the rest is kept.
 */
export function readSnapshot(file: string): PollSnapshot {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // A half-written or hand-edited file must not stop the talk.
  }
  if (!isPlainObject(parsed)) {
    console.warn(`Ignoring ${file}: it is not a poll snapshot. The poll starts empty.`);
    return {};
  }
  // Keys come from devices: built with Object.fromEntries, so that a device id "__proto__" is a key like
  // any other. `object[key] = value` would set the object's prototype instead, and the vote would be lost.
  const questions: [string, Record<string, string>][] = [];
  const skipped: string[] = [];
  for (const [questionId, devices] of Object.entries(parsed)) {
    if (!isPlainObject(devices)) {
      skipped.push(`"${questionId}" (not an object of votes)`);
      continue;
    }
    const votes: [string, string][] = [];
    let badVotes = 0;
    for (const [deviceId, optionId] of Object.entries(devices)) {
      if (typeof optionId === 'string') votes.push([deviceId, optionId]);
      else badVotes += 1;
    }
    if (badVotes > 0) skipped.push(`${badVotes} vote(s) of "${questionId}" (the option is not a string)`);
    questions.push([questionId, Object.fromEntries(votes)]);
  }
  if (skipped.length > 0) console.warn(`Skipping parts of ${file}: ${skipped.join('; ')}.`);
  return Object.fromEntries(questions);
}

/**
 * Writes the store to `file` shortly after every change, so results survive a restart. Writes go to a
 * temporary file first and are renamed, so a crash never leaves half a file. A failed write (full disk, no
 * permission) is logged once and tried again after the next change; the poll goes on in memory meanwhile.
 * Returns the function that stops (and writes what is still unsaved).
 */
export function saveSnapshotOnChange(store: PollStore, file: string, delayMs = 1000): () => void {
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  const write = () => {
    timer = undefined;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      // Compact JSON: up to 2000 devices per question, written again after each burst of votes.
      writeFileSync(`${file}.tmp`, `${JSON.stringify(store.snapshot())}\n`);
      renameSync(`${file}.tmp`, file);
      if (failing) console.warn(`Poll votes are saved to ${file} again.`);
      failing = false;
    } catch (error) {
      if (!failing) {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(
          `Could not save the poll votes to ${file} (${reason}). Trying again after the next vote.`,
        );
      }
      failing = true;
    }
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
