import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PollQuestion } from './poll-questions';
import { PollStore } from './poll-store';
import { readSnapshot, saveSnapshotOnChange } from './snapshot-file';

const QUESTIONS: PollQuestion[] = [
  {
    id: 'sse',
    prompt: { de: 'SSE?', en: 'SSE?' },
    options: [{ id: 'used', label: { de: 'Ja', en: 'Yes' } }],
  },
];

function tempFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'poll-')), 'votes.json');
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('snapshot file', () => {
  it('starts empty without a file', () => {
    expect(readSnapshot(tempFile())).toEqual({});
  });

  it('starts empty, with a warning, when the file is broken', () => {
    const file = tempFile();
    writeFileSync(file, '{"sse": ');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readSnapshot(file)).toEqual({});
    expect(warn).toHaveBeenCalledOnce();
  });

  it('skips the parts that are not votes, with a warning, and keeps the rest', () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ sse: null, mood: { 'device-a': 'ok', 'device-b': 3 }, x: [1] }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const snapshot = readSnapshot(file);
    expect(snapshot).toEqual({ mood: { 'device-a': 'ok' } });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/"sse" \(not an object of votes\)/);
    // And the store starts from what was kept, instead of crashing on `null`.
    expect(new PollStore(QUESTIONS, readSnapshot(file)).tally('sse')).toEqual({ used: 0 });
  });

  it('keeps a vote whose device id is "__proto__" across a restart', () => {
    const file = tempFile();
    const store = new PollStore(QUESTIONS);
    const stop = saveSnapshotOnChange(store, file);
    store.vote('sse', '__proto__', 'used');
    store.vote('sse', 'device-a', 'used');
    stop();
    expect(readFileSync(file, 'utf8')).toBe('{"sse":{"__proto__":"used","device-a":"used"}}\n');
    const restarted = new PollStore(QUESTIONS, readSnapshot(file));
    expect(restarted.tally('sse')).toEqual({ used: 2 });
  });

  it('starts empty, without a crash, from {"sse": null}', () => {
    const file = tempFile();
    writeFileSync(file, '{"sse": null}');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => new PollStore(QUESTIONS, readSnapshot(file))).not.toThrow();
    expect(readSnapshot(file)).toEqual({});
  });

  it('logs a failed save once, keeps counting, and saves again after the next change', () => {
    vi.useFakeTimers();
    // The votes file's folder is a file: every write fails, as on a read-only or full disk.
    const blocker = tempFile();
    writeFileSync(blocker, 'not a folder');
    const file = path.join(blocker, 'votes.json');
    const store = new PollStore(QUESTIONS);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stop = saveSnapshotOnChange(store, file, 100);
    store.vote('sse', 'device-a', 'used');
    expect(() => vi.advanceTimersByTime(100)).not.toThrow();
    store.vote('sse', 'device-b', 'used');
    expect(() => vi.advanceTimersByTime(100)).not.toThrow();
    expect(error).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]?.[0]).toMatch(/Could not save the poll votes/);
    expect(store.tally('sse')).toEqual({ used: 2 });
    // Stopping writes the rest, and a failure there does not throw either.
    store.vote('sse', 'device-c', 'used');
    expect(stop).not.toThrow();
  });

  it('retries after a failed save: the next change writes the file', () => {
    vi.useFakeTimers();
    const folder = path.dirname(tempFile());
    const blocker = path.join(folder, 'data');
    writeFileSync(blocker, 'not a folder yet');
    const file = path.join(blocker, 'votes.json');
    const store = new PollStore(QUESTIONS);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    saveSnapshotOnChange(store, file, 100);
    store.vote('sse', 'device-a', 'used');
    vi.advanceTimersByTime(100);
    rmSync(blocker);
    store.vote('sse', 'device-b', 'used');
    vi.advanceTimersByTime(100);
    expect(readSnapshot(file)).toEqual({ sse: { 'device-a': 'used', 'device-b': 'used' } });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/saved to .* again/));
  });

  it('writes the votes shortly after a change, and at the latest when it stops', () => {
    vi.useFakeTimers();
    const file = tempFile();
    const store = new PollStore(QUESTIONS);
    const stop = saveSnapshotOnChange(store, file, 100);
    store.vote('sse', 'device-a', 'used');
    vi.advanceTimersByTime(100);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ sse: { 'device-a': 'used' } });
    store.vote('sse', 'device-b', 'used');
    stop();
    expect(readSnapshot(file)).toEqual({ sse: { 'device-a': 'used', 'device-b': 'used' } });
  });
});
