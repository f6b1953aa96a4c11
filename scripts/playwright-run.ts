import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Exercise, ExerciseFolder } from './exercise-catalog';
import { ROOT } from './exercise-catalog';

export interface PlaywrightRunOptions {
  exercise: Exercise;
  target: ExerciseFolder;
  /** Extra Playwright arguments, e.g. a reporter. */
  extraArgs?: string[];
  /** Print Playwright's output (true) or keep it for the caller (false). */
  showOutput: boolean;
  /** Extra environment for this run only. */
  env?: Record<string, string>;
}

export interface PlaywrightRunResult {
  exitCode: number;
  output: string;
}

/** Runs one exercise's task spec with the root Playwright config, against starters or solutions. */
export function runTaskSpec({
  exercise,
  target,
  extraArgs = [],
  showOutput,
  env = {},
}: PlaywrightRunOptions) {
  const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
  const spec = path.relative(ROOT, exercise.taskSpec).split(path.sep).join('/');
  const args = [cli, 'test', '--project=verify', spec, ...extraArgs];
  const outputDir = mkdtempSync(path.join(tmpdir(), 'workshop-verify-'));
  const removeOutput = () => rmSync(outputDir, { recursive: true, force: true });
  return new Promise<PlaywrightRunResult>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, WORKSHOP_TARGET: target, WORKSHOP_OUTPUT_DIR: outputDir },
      stdio: showOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => {
      removeOutput();
      reject(error);
    });
    child.once('exit', (code) => {
      removeOutput();
      resolve({ exitCode: code ?? 1, output });
    });
  });
}
