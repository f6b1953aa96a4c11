// `pnpm dev`: the page (Vite), the reference server and your server of one exercise, with labelled output.
// Usage: `pnpm dev` inside an exercise folder, or at the root `pnpm dev [NN] [--solution]`.
import path from 'node:path';
import { styleText } from 'node:util';
import concurrently from 'concurrently';
import { type DevPorts, portVariable, readDevPorts } from './dev-ports';
import { type Exercise, exerciseAt, findExercise, listExercises } from './exercise-catalog';
import { isPortFree } from './ports';

try {
  const { exercise, isSolution } = chooseExercise(process.argv.slice(2));
  const ports = readDevPorts(process.env);
  await assertPortsFree(ports);
  printBanner(exercise, isSolution, ports);
  await run(exercise, isSolution ? exercise.solutionDir : exercise.starterDir, ports);
} catch (error) {
  if (error instanceof Error) console.error(styleText('red', error.message));
  process.exitCode = 1;
}

function chooseExercise(args: string[]): { exercise: Exercise; isSolution: boolean } {
  const isSolution = args.includes('--solution');
  const query = args.find((arg) => !arg.startsWith('--'));
  if (query) return { exercise: findExercise(query), isSolution };
  const here = exerciseAt(process.cwd());
  if (here) return here;
  const first = listExercises()[0];
  if (!first) throw new Error('No exercises found in exercises/.');
  return { exercise: first, isSolution };
}

async function assertPortsFree(ports: DevPorts): Promise<void> {
  const busy: string[] = [];
  for (const role of ['client', 'reference', 'student'] as const) {
    if (await isPortFree(ports[role])) continue;
    busy.push(
      `Port ${ports[role]} is already in use (is another "pnpm dev" still running?). ` +
        `Stop it, or pick another port with ${portVariable(role)}=<port>.`,
    );
  }
  if (busy.length > 0) throw new Error(busy.join('\n'));
}

function printBanner(exercise: Exercise, isSolution: boolean, ports: DevPorts): void {
  const folder = isSolution ? 'solutions' : 'exercises';
  const lines = [
    styleText('bold', `Exercise ${exercise.name} (${folder}/)`),
    `  Page              http://localhost:${ports.client}`,
    `  Reference server  http://localhost:${ports.reference}`,
    `  Your server       http://localhost:${ports.student}   (${folder}/${exercise.name}/server/)`,
    `  Check your work   pnpm verify ${exercise.number}`,
    styleText('dim', '  Stop with Ctrl+C. Servers restart when you save a file; the page reloads by itself.'),
    '',
  ];
  console.log(lines.join('\n'));
}

async function run(exercise: Exercise, directory: string, ports: DevPorts): Promise<void> {
  const allowedOrigins = `http://localhost:${ports.client},http://127.0.0.1:${ports.client}`;
  const referenceEntry = path.relative(directory, path.join(exercise.solutionDir, 'server', 'index.ts'));
  const { result } = concurrently(
    [
      {
        name: 'page',
        command: 'vite',
        prefixColor: 'cyan',
        env: {
          CLIENT_PORT: String(ports.client),
          VITE_REFERENCE_SERVER: `http://localhost:${ports.reference}`,
          VITE_YOUR_SERVER: `http://localhost:${ports.student}`,
        },
      },
      {
        name: 'reference',
        command: `tsx watch --clear-screen=false "${referenceEntry.split(path.sep).join('/')}"`,
        prefixColor: 'magenta',
        env: { PORT: String(ports.reference), ALLOWED_ORIGINS: allowedOrigins },
      },
      {
        name: 'your server',
        command: 'tsx watch --clear-screen=false server/index.ts',
        prefixColor: 'green',
        env: { PORT: String(ports.student), ALLOWED_ORIGINS: allowedOrigins },
      },
    ],
    { cwd: directory, killOthersOn: ['failure'], prefix: '[{name}]', padPrefix: true },
  );
  try {
    await result;
  } catch {
    // Each command has already printed why it stopped; Ctrl+C lands here too.
    process.exitCode = 1;
  }
}
