// CI guard: every starter in exercises/ must still be unsolved, i.e. its task spec must fail against it
// (rustlings does the same), and must have the same files as its solution, so a diff shows the lesson.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { styleText } from 'node:util';
import { type Exercise, listExercises } from './exercise-catalog';
import { runTaskSpec } from './playwright-run';

interface JsonReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: { message?: string }[];
}

// Each check mostly waits for its first failing check to time out, so three run side by side.
const PARALLEL_CHECKS = 3;

const exercises = listExercises();
const verdicts = await mapInBatches(exercises, PARALLEL_CHECKS, checkStarter);
let failures = 0;
for (const [index, exercise] of exercises.entries()) {
  const verdict = verdicts[index];
  if (!verdict) continue;
  if (verdict.ok) {
    console.log(styleText('green', `✓ ${exercise.name}: ${verdict.message}`));
    continue;
  }
  failures += 1;
  console.error(styleText('red', `✗ ${exercise.name}: ${verdict.message}`));
  if (verdict.output) console.error(verdict.output.slice(-4_000));
}
console.log(`starters: ${exercises.length - failures} of ${exercises.length} still unsolved`);
process.exitCode = failures === 0 ? 0 : 1;

interface Verdict {
  ok: boolean;
  message: string;
  output?: string;
}

async function checkStarter(exercise: Exercise): Promise<Verdict> {
  const mismatch = compareFiles(exercise.starterDir, exercise.solutionDir);
  if (mismatch) return { ok: false, message: mismatch };
  const reportDir = mkdtempSync(path.join(tmpdir(), 'starter-check-'));
  const reportFile = path.join(reportDir, 'report.json');
  const run = await runTaskSpec({
    exercise,
    target: 'exercises',
    // One failing check proves a starter unsolved; stopping there keeps CI fast, since starters fail by timing out.
    extraArgs: ['--reporter=json', '--max-failures=1'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile },
    showOutput: false,
  });
  const verdict = judge(run.exitCode, readReport(reportFile));
  rmSync(reportDir, { recursive: true, force: true });
  return verdict.ok ? verdict : { ...verdict, output: run.output };
}

/** Runs `work` on every item, at most `size` at a time, keeping the order of the results. */
async function mapInBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

function readReport(file: string): JsonReport | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
  } catch {
    return undefined;
  }
}

function judge(exitCode: number, report: JsonReport | undefined): { ok: boolean; message: string } {
  if (!report) return { ok: false, message: 'the spec did not run (no report was written).' };
  // --max-failures reports its early stop as an error of the run; anything else means the harness broke.
  const errors = report.errors.filter((error) => !error.message?.includes('maximum allowed failures'));
  if (errors.length > 0) {
    return {
      ok: false,
      message: `the spec broke before testing: ${errors[0]?.message ?? 'unknown error'}`,
    };
  }
  const { expected, unexpected } = report.stats;
  if (unexpected === 0 || exitCode === 0) {
    return {
      ok: false,
      message: `the starter passes its task spec (${expected} checks): it gives nothing to do.`,
    };
  }
  return { ok: true, message: 'starter is unsolved: its task spec fails, as it should.' };
}

/** Says which files only one side has, or `undefined` when starter and solution mirror each other. */
function compareFiles(starterDir: string, solutionDir: string): string | undefined {
  const starterFiles = new Set(listFiles(starterDir));
  const solutionFiles = new Set(listFiles(solutionDir));
  const onlyStarter = [...starterFiles].filter((file) => !solutionFiles.has(file));
  const onlySolution = [...solutionFiles].filter((file) => !starterFiles.has(file));
  if (onlyStarter.length === 0 && onlySolution.length === 0) return undefined;
  return `starter and solution differ in files: only in exercises/ [${onlyStarter.join(', ')}], only in solutions/ [${onlySolution.join(', ')}]`;
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .filter((file) => !file.startsWith('node_modules/'));
}
