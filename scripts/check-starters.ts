// CI guard: every starter in exercises/ must still be unsolved, i.e. its task spec must fail against it
// (rustlings does the same). A starter that passes would give students nothing to do.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { styleText } from 'node:util';
import { listExercises } from './exercise-catalog';
import { runTaskSpec } from './playwright-run';

interface JsonReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors: { message?: string }[];
}

let failures = 0;
for (const exercise of listExercises()) {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'starter-check-'));
  const reportFile = path.join(reportDir, 'report.json');
  process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = reportFile;
  const run = await runTaskSpec({
    exercise,
    target: 'exercises',
    extraArgs: ['--reporter=json'],
    showOutput: false,
  });
  const verdict = judge(run.exitCode, readReport(reportFile));
  rmSync(reportDir, { recursive: true, force: true });
  if (verdict.ok) {
    console.log(styleText('green', `✓ ${exercise.name}: ${verdict.message}`));
    continue;
  }
  failures += 1;
  console.error(styleText('red', `✗ ${exercise.name}: ${verdict.message}`));
  console.error(run.output.slice(-4_000));
}
const count = listExercises().length;
console.log(`starters: ${count - failures} of ${count} still unsolved`);
process.exitCode = failures === 0 ? 0 : 1;

function readReport(file: string): JsonReport | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
  } catch {
    return undefined;
  }
}

function judge(exitCode: number, report: JsonReport | undefined): { ok: boolean; message: string } {
  if (!report) return { ok: false, message: 'the spec did not run (no report was written).' };
  if (report.errors.length > 0) {
    return {
      ok: false,
      message: `the spec broke before testing: ${report.errors[0]?.message ?? 'unknown error'}`,
    };
  }
  const { expected, unexpected } = report.stats;
  if (unexpected === 0 || exitCode === 0) {
    return {
      ok: false,
      message: `the starter passes its task spec (${expected} checks): it gives nothing to do.`,
    };
  }
  return {
    ok: true,
    message: `starter is unsolved (${unexpected} of ${expected + unexpected} checks fail, as they should).`,
  };
}
