// `pnpm scratch NN`: exercise NN once more, in scratch/NN-…/, with the server/ left to you from the first line.
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { findExercise, ROOT } from './exercise-catalog';
import { createScratchFolder } from './scratch-folder';

try {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true });
  const query = positionals[0];
  if (!query || positionals.length > 1) throw new Error('Which exercise? Run for example "pnpm scratch 03".');
  const exercise = findExercise(query);
  const folder = path.relative(ROOT, createScratchFolder(exercise));
  console.log(styleText('green', `Created ${folder}: the finished page, and an empty server/ for you.`));
  console.log(`Read ${folder}/SCRATCH.md, then:`);
  console.log(`  pnpm dev ${exercise.number} --scratch`);
  console.log(`  pnpm verify ${exercise.number} --scratch --part 2`);
} catch (error) {
  console.error(styleText('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
}
