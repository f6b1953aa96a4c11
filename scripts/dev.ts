// `pnpm dev`: the page (Vite), the reference server and your server of one exercise, with labelled output.
// Usage: `pnpm dev` inside an exercise folder, or at the root `pnpm dev [NN] [--solution]`.
// `--variant NAME` runs `server/index.NAME.ts` and opens `index.NAME.html` (e.g. the SSE variant of the chat).
// Exercise 05 runs app backend and broker instead (scripts/dev-pubsub.ts; `--own-broker`, `--redis`).
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';
import concurrently from 'concurrently';
import { type DevPorts, portVariable, readDevPorts } from './dev-ports';
import { readBrokerPorts, runPubSubStack } from './dev-pubsub';
import { type Exercise, exerciseAt, findExercise, listExercises } from './exercise-catalog';
import { isPortFree } from './ports';

try {
  const { values, positionals } = parseArgs({
    options: {
      solution: { type: 'boolean', default: false },
      variant: { type: 'string' },
      'own-broker': { type: 'boolean', default: false },
      redis: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const { exercise, isSolution } = chooseExercise(positionals[0], values.solution);
  const variant = checkVariant(values.variant);
  const ports = readDevPorts(process.env, { student: exercise.studentPort });
  const directory = isSolution ? exercise.solutionDir : exercise.starterDir;
  if (exercise.stack === 'pubsub') {
    const pubSubOptions = { ownBroker: values['own-broker'], redis: values.redis };
    await runPubSubStack(exercise, directory, readBrokerPorts(process.env, ports), pubSubOptions);
  } else {
    if (values['own-broker'] || values.redis) {
      throw new Error('--own-broker and --redis belong to exercise 05 (pub/sub broker).');
    }
    await assertPortsFree(ports);
    printBanner(exercise, isSolution, ports, variant);
    await run(exercise, directory, ports, variant);
  }
} catch (error) {
  if (error instanceof Error) console.error(styleText('red', error.message));
  process.exitCode = 1;
}

function checkVariant(variant: string | undefined): string | undefined {
  if (variant === undefined) return undefined;
  if (!/^[a-z0-9-]+$/.test(variant)) throw new Error('--variant needs a name, e.g. "--variant sse".');
  return variant;
}

function chooseExercise(
  query: string | undefined,
  isSolution: boolean,
): { exercise: Exercise; isSolution: boolean } {
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

function printBanner(
  exercise: Exercise,
  isSolution: boolean,
  ports: DevPorts,
  variant: string | undefined,
): void {
  const folder = isSolution ? 'solutions' : 'exercises';
  const page = variant ? `/index.${variant}.html` : '';
  const lines = [
    styleText('bold', `Exercise ${exercise.name} (${folder}/)${variant ? `, variant ${variant}` : ''}`),
    `  Page              http://localhost:${ports.client}${page}`,
    `  Reference server  http://localhost:${ports.reference}`,
    `  Your server       http://localhost:${ports.student}   (${folder}/${exercise.name}/server/)`,
    `  Check your work   pnpm verify ${exercise.number}`,
    styleText('dim', '  Stop with Ctrl+C. Servers restart when you save a file; the page reloads by itself.'),
    '',
  ];
  console.log(lines.join('\n'));
}

async function run(exercise: Exercise, directory: string, ports: DevPorts, variant: string | undefined) {
  const allowedOrigins = `http://localhost:${ports.client},http://127.0.0.1:${ports.client}`;
  const entryFile = variant ? `index.${variant}.ts` : 'index.ts';
  const referenceEntry = path.relative(directory, path.join(exercise.solutionDir, 'server', entryFile));
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
        command: `tsx watch --clear-screen=false server/${entryFile}`,
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
