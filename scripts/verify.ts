// `pnpm verify NN`: checks your work on exercise NN in a real browser. `--solution` checks the reference.
import { parseArgs, styleText } from 'node:util';
import { exerciseAt, findExercise } from './exercise-catalog';
import { runTaskSpec } from './playwright-run';

try {
  const { values, positionals } = parseArgs({
    options: { solution: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const query = positionals[0];
  const checkSolution = values.solution;
  const exercise = query ? findExercise(query) : exerciseAt(process.cwd())?.exercise;
  if (!exercise) throw new Error('Which exercise? Run for example "pnpm verify 03".');
  const target = checkSolution ? 'solutions' : 'exercises';
  console.log(styleText('bold', `Checking ${target}/${exercise.name} in a browser …\n`));
  const { exitCode } = await runTaskSpec({ exercise, target, showOutput: true });
  console.log(exitCode === 0 ? styleText('green', summaryPassed(exercise.number)) : summaryFailed());
  process.exitCode = exitCode;
} catch (error) {
  console.error(styleText('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
}

function summaryPassed(number: string): string {
  return `\nAll checks of exercise ${number} pass. Well done!`;
}

function summaryFailed(): string {
  return [
    '',
    'Some checks fail. Each failure above says what is missing and which TODO it belongs to;',
    'the README of the exercise has hints for every TODO. Checks marked "Bonus" are optional.',
  ].join('\n');
}
