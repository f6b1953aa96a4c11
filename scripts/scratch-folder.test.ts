import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Exercise, findExercise } from './exercise-catalog';
import { createScratchFolder } from './scratch-folder';

const roots: string[] = [];

/** Exercise `query`, with its scratch copy in a temporary folder instead of scratch/. */
function exerciseWithTemporaryScratch(query: string): Exercise {
  const root = mkdtempSync(path.join(tmpdir(), 'scratch-test-'));
  roots.push(root);
  const exercise = findExercise(query);
  return { ...exercise, scratchDir: path.join(root, 'scratch', exercise.name) };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('createScratchFolder', () => {
  it('copies the solution but its server/, which holds only a placeholder and its tsconfig.json', () => {
    const exercise = exerciseWithTemporaryScratch('03');
    const folder = createScratchFolder(exercise);
    expect(readdirSync(path.join(folder, 'server')).sort()).toEqual(['index.ts', 'tsconfig.json']);
    expect(readFileSync(path.join(folder, 'server', 'index.ts'), 'utf8')).toContain('SCRATCH.md');
    for (const file of [
      'client/index.ts',
      'protocol/messages.ts',
      'index.html',
      'README.md',
      'README.de.md',
    ]) {
      expect(readFileSync(path.join(folder, file), 'utf8')).toBe(
        readFileSync(path.join(exercise.solutionDir, file), 'utf8'),
      );
    }
    expect(readFileSync(path.join(folder, 'SCRATCH.md'), 'utf8')).toContain(
      'pnpm verify 03 --scratch --part 2',
    );
  });

  it('uses the starter’s installed packages and points its scripts at the scratch copy', () => {
    const exercise = exerciseWithTemporaryScratch('04');
    const folder = createScratchFolder(exercise);
    expect(realpathSync(path.join(folder, 'node_modules'))).toBe(
      realpathSync(path.join(exercise.starterDir, 'node_modules')),
    );
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {
      name: string;
      scripts: Record<string, string>;
    };
    expect(manifest.name).toBe('@realtime-workshop/scratch-04-websocket-chat');
    expect(manifest.scripts.verify).toBe('node --import tsx/esm ../../scripts/verify.ts 04 --scratch');
  });

  it('never overwrites a scratch copy: it holds the student’s work', () => {
    const exercise = exerciseWithTemporaryScratch('01');
    createScratchFolder(exercise);
    expect(() => createScratchFolder(exercise)).toThrow('exists already and holds your work');
  });
});
