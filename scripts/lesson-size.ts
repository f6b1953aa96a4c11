// How much code a student writes per part: the lines of code the solution has where the starter has a TODO,
// measured from the diff between the two folders (each README's table says it, lesson-size.test.ts keeps it true).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface PartSize {
  /** `1`, `2`, `3`; `S` for exercise 04's SSE variant (TODO S0.1 …), `B` for 03's bonus client (TODO B.1 …). */
  part: string;
  /** Lines of code for the required TODOs of the part. */
  required: number;
  /** Lines of code for its 💯 bonus TODOs. */
  bonus: number;
}

/** A marker like `🐨 TODO 2.3`, `💯 TODO S1.2` or `💯 TODO B.7`; its group names the part. */
const TODO_MARKER = /(?:🐨|💯) TODO (B|S\d|\d)\.\d+/;

/** The lines of code per part that turn `starterDir` into `solutionDir`, parts in order. */
export function measureLesson(starterDir: string, solutionDir: string): PartSize[] {
  const sizes = new Map<string, PartSize>();
  for (const file of codeFiles(starterDir)) {
    const starterFile = path.join(starterDir, file);
    for (const hunk of diffHunks(starterFile, path.join(solutionDir, file))) {
      const written = hunk.added.filter(isCodeLine).length;
      if (written === 0) continue;
      const marker = hunk.removed.map((line) => TODO_MARKER.exec(line)).find((match) => match !== null);
      if (!marker) continue;
      const part = (marker[1] ?? '?').slice(0, 1);
      const size = sizes.get(part) ?? { part, required: 0, bonus: 0 };
      const allBonus = hunk.removed.every((line) => !TODO_MARKER.test(line) || line.includes('💯'));
      if (allBonus) size.bonus += written;
      else size.required += written;
      sizes.set(part, size);
    }
  }
  return [...sizes.values()].sort((a, b) => a.part.localeCompare(b.part));
}

interface Hunk {
  removed: string[];
  added: string[];
}

/** The changed blocks between two files, from git's diff without context lines. */
function diffHunks(before: string, after: string): Hunk[] {
  const result = spawnSync('git', ['diff', '--no-index', '--no-color', '-U0', '--', before, after], {
    encoding: 'utf8',
  });
  // git diff --no-index exits with 1 when the files differ.
  if (result.status !== 0 && result.status !== 1) throw new Error(`git diff failed: ${result.stderr}`);
  const hunks: Hunk[] = [];
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('@@')) hunks.push({ removed: [], added: [] });
    const hunk = hunks.at(-1);
    if (!hunk || line.startsWith('---') || line.startsWith('+++')) continue;
    if (line.startsWith('-')) hunk.removed.push(line.slice(1));
    if (line.startsWith('+')) hunk.added.push(line.slice(1));
  }
  return hunks;
}

/** A line a student types: not blank, not only a comment. */
function isCodeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  return !(trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*'));
}

/** The TypeScript files a student edits (tests and dependencies left out), relative to `directory`. */
function codeFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('node_modules'))
    .sort();
}
