// `pnpm reset NN`: your starter of exercise NN as it was, with your version kept in .workshop-backups/.
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { exerciseAt, findExercise, ROOT } from './exercise-catalog';
import { resetFolder } from './starter-reset';

const BACKUP_ROOT = path.join(ROOT, '.workshop-backups');

try {
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true });
  if (positionals.length > 1) throw new Error('One exercise at a time, e.g. "pnpm reset 03".');
  const query = positionals[0];
  const found = query ? { exercise: findExercise(query), folder: 'exercises' } : exerciseAt(process.cwd());
  if (!found) throw new Error('Which exercise? Run for example "pnpm reset 03".');
  if (found.folder !== 'exercises') {
    throw new Error(`pnpm reset puts back a starter in exercises/; ${found.folder}/ has nothing to reset.`);
  }
  const folder = found.exercise.starterDir;
  const shown = path.relative(ROOT, folder);
  const result = resetFolder(ROOT, folder, BACKUP_ROOT);
  if (!result.backupDir) {
    console.log(`Nothing to reset: ${shown} is as the kit has it.`);
  } else {
    for (const file of result.restored) console.log(`  restored  ${file}`);
    for (const file of result.removed) console.log(`  removed   ${file} (you added it)`);
    console.log(styleText('green', `\n${shown} is a fresh starter again.`));
    console.log(`Your version of these files is in ${path.relative(process.cwd(), result.backupDir) || '.'}`);
    console.log('A running "pnpm dev" restarts by itself.');
  }
} catch (error) {
  console.error(styleText('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
}
