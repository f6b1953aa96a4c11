// `pnpm typecheck`: every tsconfig of the repo, each with the types of its runtime (DOM or Node).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { styleText } from 'node:util';
import { ROOT } from './exercise-catalog';

const projects = [
  'tsconfig.json',
  'tests/tsconfig.json',
  'shared-ui/tsconfig.json',
  'slides/tsconfig.json',
  'slides/tsconfig.dom.json',
  'classroom/tsconfig.dom.json',
  'arena/tsconfig.dom.json',
  'examples/tsconfig.json',
  'examples/tsconfig.dom.json',
  ...exerciseProjects('exercises'),
  ...exerciseProjects('solutions'),
];
const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
// tsc uses one core: two at a time halve the wait on a 2-core laptop; each project's output stays together.
const parallel = Math.max(1, Math.min(availableParallelism(), 4));

const results = await runAll(projects, parallel);
const failed = results.filter((result) => !result.ok);
for (const result of failed) console.error(styleText('red', `✗ ${result.project}`));
console.log(`typecheck: ${projects.length - failed.length} of ${projects.length} projects clean`);
process.exitCode = failed.length === 0 ? 0 : 1;

interface ProjectResult {
  project: string;
  ok: boolean;
}

async function runAll(queue: string[], workers: number): Promise<ProjectResult[]> {
  const waiting = [...queue];
  const results: ProjectResult[] = [];
  async function worker(): Promise<void> {
    for (let project = waiting.shift(); project !== undefined; project = waiting.shift()) {
      results.push(await check(project));
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

function check(project: string): Promise<ProjectResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty'], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('close', (code) => {
      if (output) process.stdout.write(output);
      resolve({ project, ok: code === 0 });
    });
  });
}

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
