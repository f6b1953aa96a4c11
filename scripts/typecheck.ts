// `pnpm typecheck`: every tsconfig of the repo, each with the types of its runtime (DOM or Node).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { ROOT } from './exercise-catalog';

const projects = [
  'tsconfig.json',
  'tests/tsconfig.json',
  'shared-ui/tsconfig.json',
  'slides/tsconfig.json',
  'slides/tsconfig.dom.json',
  ...exerciseProjects('exercises'),
  ...exerciseProjects('solutions'),
];
const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'inherit' });
  if (result.status === 0) continue;
  failed += 1;
  console.error(styleText('red', `✗ ${project}`));
}
console.log(`typecheck: ${projects.length - failed} of ${projects.length} projects clean`);
process.exitCode = failed === 0 ? 0 : 1;

function exerciseProjects(folder: string): string[] {
  const exercises = readdirSync(path.join(ROOT, folder), { withFileTypes: true }).filter((entry) =>
    entry.isDirectory(),
  );
  return exercises.flatMap((exercise) =>
    ['client', 'server', 'broker']
      .map((part) => `${folder}/${exercise.name}/${part}/tsconfig.json`)
      .filter((project) => existsSync(path.join(ROOT, project))),
  );
}
