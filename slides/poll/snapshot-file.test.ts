import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
