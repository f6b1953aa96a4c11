// `pnpm verify NN`: checks your work on exercise NN in a real browser. `--solution` checks the reference,
// `--part` and `--variant` pick some of the checks, `--help` says how (verify-options.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { styleText } from 'node:util';
import { exerciseAt, findExercise } from './exercise-catalog';
import { runTaskSpec } from './playwright-run';
import { checkSelection, describeSelection, grepFor, parseVerifyArgs, VERIFY_HELP } from './verify-options';
import {
  formatSummary,
  type JsonReport,
  requiredPass,
  serverProblems,
  summarizeReport,
} from './verify-summary';

try {
  const options = parseVerifyArgs(process.argv.slice(2));
  if (options.help) {
    console.log(VERIFY_HELP);
    process.exit(0);
  }
  const exercise = options.query ? findExercise(options.query) : exerciseAt(process.cwd())?.exercise;
  if (!exercise)
    throw new Error('Which exercise? Run for example "pnpm verify 03" (or "pnpm verify --help").');
  checkSelection(exercise, options);
  const target = options.solution ? 'solutions' : 'exercises';
  const selection = describeSelection(exercise, options);
  const only = options.part || options.variant ? ` (only ${selection})` : '';
  console.log(styleText('bold', `Checking ${target}/${exercise.name}${only} in a browser …\n`));
  const grep = grepFor(options);

  // The list is what you read while it runs; the JSON report is counted for the summary at the end.
  const reportDir = mkdtempSync(path.join(tmpdir(), 'workshop-verify-report-'));
  const reportFile = path.join(reportDir, 'report.json');
  const { exitCode } = await runTaskSpec({
    exercise,
    target,
    extraArgs: ['--reporter=list,json', ...(grep ? ['--grep', grep] : [])],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile },
    showOutput: true,
  });
  const report = readReport(reportFile);
  rmSync(reportDir, { recursive: true, force: true });

  // No report or an error of the run itself (not of a check): the checks could not say anything.
  if (report && grep && foundNoChecks(report)) {
    const asked = [
      options.part && `--part ${options.part}`,
      options.variant && `--variant ${options.variant}`,
    ];
    const flags = asked.filter(Boolean).join(' ');
    const noChecks = `Exercise ${exercise.number} has no checks for ${flags}. "pnpm verify --help" lists the choices.`;
    console.log(styleText('red', noChecks));
    process.exitCode = 1;
  } else if (!report || report.errors.length > 0) {
    console.log(styleText('red', summaryFailed()));
    process.exitCode = exitCode === 0 ? 1 : exitCode;
  } else {
    const summary = summarizeReport(report);
    for (const problem of serverProblems(report)) {
      console.log(styleText('red', `\nFix this first: ${problem}`));
    }
    console.log(styleText('bold', `\n${formatSummary(summary)}`));
    if (exitCode === 0) {
      console.log(styleText('green', summaryPassed(selection)));
    } else if (requiredPass(summary)) {
      console.log(styleText('green', summaryBonusOpen(selection)));
    } else {
      console.log(styleText('red', summaryFailed()));
    }
    process.exitCode = exitCode === 0 || requiredPass(summary) ? 0 : 1;
  }
} catch (error) {
  console.error(styleText('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
}

/** Playwright found no check to run: the --part/--variant asked for matched none. */
function foundNoChecks(report: JsonReport): boolean {
  return report.errors.some((error) => JSON.stringify(error).includes('No tests found'));
}

function readReport(file: string): JsonReport | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
  } catch {
    return undefined;
  }
}

function summaryPassed(selection: string): string {
  return `All checks of ${selection} pass. Well done!`;
}

function summaryBonusOpen(selection: string): string {
  return `Every required check of ${selection} passes: the task is done. The bonus checks that fail are optional.`;
}

function summaryFailed(): string {
  return [
    '',
    'Some checks fail. Each failure above says what is missing and which TODO it belongs to;',
    'the README of the exercise has hints for every TODO. Checks marked "Bonus" are optional.',
  ].join('\n');
}
