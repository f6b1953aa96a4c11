// `pnpm verify NN`: checks your work on exercise NN in a real browser. `--solution` checks the reference,
// `--part` and `--variant` pick some of the checks, `--watch` checks again on every save, `--help` says how
// (verify-options.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { styleText } from 'node:util';
import { envFileAt } from './class-options';
import { chooseSharing, type Sharing, shareResults } from './class-sharing';
import {
  type Exercise,
  type ExerciseFolder,
  exerciseAt,
  findExercise,
  folderOf,
  ROOT,
} from './exercise-catalog';
import { watchFolder } from './folder-watch';
import { runTaskSpec } from './playwright-run';
import { type CheckOutcome, checkOutcomes, describeChanges } from './verify-changes';
import {
  checkSelection,
  describeSelection,
  grepFor,
  grepInvertFor,
  listVariants,
  parseVerifyArgs,
  type VerifyOptions,
} from './verify-options';
import {
  formatSummary,
  type JsonReport,
  requiredPass,
  serverProblems,
  summarizeReport,
} from './verify-summary';
import { verifyTexts } from './verify-texts';

interface VerifyRun {
  /** 0 when the task is done (every required check passes). */
  exitCode: number;
  outcomes: Map<string, CheckOutcome>;
}

try {
  const options = parseVerifyArgs(process.argv.slice(2));
  const text = verifyTexts(options.language);
  if (options.help) {
    console.log(text.help);
    process.exit(0);
  }
  const exercise = options.query ? findExercise(options.query) : exerciseAt(process.cwd())?.exercise;
  if (!exercise) throw new Error(text.whichExercise);
  checkSelection(exercise, options);
  const folder = folderOf(exercise, targetOf(options));
  if (!existsSync(folder)) throw new Error(text.noScratchCopy(exercise.number));
  const only = options.part || options.variant ? describeSelection(exercise, options) : undefined;
  // The reference solution is nobody's progress: only a student's own copy is shared.
  const sharing = options.solution
    ? undefined
    : await chooseSharing({
        classFlag: options.classUrl,
        nameFlag: options.name,
        exercise: exercise.number,
        language: options.language,
        envFile: envFileAt(ROOT),
        interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      });
  console.log(styleText('bold', text.checking(path.relative(ROOT, folder), only)));
  const first = await verifyOnce(exercise, options, { showChecks: true });
  await share(sharing, exercise, first, options);
  process.exitCode = first.exitCode;
  if (options.watch) watchAndVerify(exercise, options, folder, first.outcomes, sharing);
} catch (error) {
  console.error(styleText('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
}

/** Runs the checks once and prints the summary; `showChecks` also prints every check as it runs. */
async function verifyOnce(
  exercise: Exercise,
  options: VerifyOptions,
  { showChecks }: { showChecks: boolean },
): Promise<VerifyRun> {
  const text = verifyTexts(options.language);
  const grep = grepFor(options);
  const variants = listVariants(exercise);
  const grepInvert = grepInvertFor(variants, options);
  // The list is what you read while it runs; the JSON report is counted for the summary at the end.
  const reportDir = mkdtempSync(path.join(tmpdir(), 'workshop-verify-report-'));
  const reportFile = path.join(reportDir, 'report.json');
  const reporters = showChecks ? 'list,json' : 'json';
  const run = await runTaskSpec({
    exercise,
    target: targetOf(options),
    extraArgs: [
      `--reporter=${reporters}`,
      ...(grep ? ['--grep', grep] : []),
      ...(grepInvert ? ['--grep-invert', grepInvert] : []),
    ],
    // The checks' titles and hints follow the language too (tests/harness/language.ts).
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile, WORKSHOP_LANG: options.language },
    showOutput: showChecks,
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
    console.log(styleText('red', text.noChecksFor(exercise.number, flags)));
    return { exitCode: 1, outcomes: new Map() };
  }
  if (!report || report.errors.length > 0) {
    if (!showChecks) console.log(run.output.slice(-4_000));
    console.log(styleText('red', `\n${text.someFail}`));
    return { exitCode: run.exitCode === 0 ? 1 : run.exitCode, outcomes: new Map() };
  }
  const summary = summarizeReport(report);
  for (const problem of serverProblems(report)) {
    console.log(styleText('red', `\n${text.fixFirst(problem)}`));
  }
  console.log(styleText('bold', `\n${formatSummary(summary, options.language)}`));
  const selection = describeSelection(exercise, options);
  if (run.exitCode === 0) {
    console.log(styleText('green', text.allPass(selection)));
  } else if (requiredPass(summary)) {
    console.log(styleText('green', text.requiredPass(selection)));
  } else if (showChecks) {
    console.log(styleText('red', `\n${text.someFail}`));
  }
  if (showChecks && grepInvert) {
    for (const variant of variants) console.log(text.variantHasOwnChecks(variant, exercise.number));
  }
  const done = run.exitCode === 0 || requiredPass(summary);
  return { exitCode: done ? 0 : 1, outcomes: checkOutcomes(report) };
}

/** `--watch`: after every save in the exercise's folder, runs the checks again and says what changed. */
function watchAndVerify(
  exercise: Exercise,
  options: VerifyOptions,
  folder: string,
  firstOutcomes: Map<string, CheckOutcome>,
  sharing: Sharing | undefined,
): void {
  const text = verifyTexts(options.language);
  let before = firstOutcomes;
  let stopped = false;
  const waiting = () => console.log(styleText('cyan', `\n${text.watching(path.relative(ROOT, folder))}`));
  const watcher = watchFolder(folder, async (changed) => {
    const time = new Date().toLocaleTimeString();
    console.log(styleText('bold', `\n${text.checkingAgain(time, changed.join(', '))}`));
    const run = await verifyOnce(exercise, options, { showChecks: false });
    await share(sharing, exercise, run, options);
    const changes = describeChanges(before, run.outcomes, options.language);
    if (run.outcomes.size > 0) before = run.outcomes;
    if (changes.length === 0) console.log(text.noChange);
    for (const line of changes) console.log(line.startsWith('✓') ? styleText('green', line) : line);
    process.exitCode = run.exitCode;
    if (!stopped) waiting();
  });
  waiting();
  // Ctrl+C ends the watch; the result of the last run is the exit code.
  process.once('SIGINT', () => {
    stopped = true;
    watcher.close();
    console.log(text.stoppedWatching);
  });
}

/** Tells the class server (when the student shares) how this run went; a run that said nothing is not sent. */
async function share(
  sharing: Sharing | undefined,
  exercise: Exercise,
  run: VerifyRun,
  options: VerifyOptions,
): Promise<void> {
  if (!sharing || run.outcomes.size === 0) return;
  console.log(styleText('dim', await shareResults(sharing, exercise.number, run.outcomes, options.language)));
}

/** Whose copy of the exercise to check. */
function targetOf({ solution, scratch }: Pick<VerifyOptions, 'solution' | 'scratch'>): ExerciseFolder {
  if (solution) return 'solutions';
  return scratch ? 'scratch' : 'exercises';
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
