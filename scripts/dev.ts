// `pnpm dev`: the page (Vite), the reference server and your server of one exercise, with labelled output.
// Usage: `pnpm dev` inside an exercise folder, or at the root `pnpm dev [NN] [--solution | --scratch]`.
// `--variant NAME` runs `server/index.NAME.ts` and opens `index.NAME.html` (e.g. the SSE variant of the chat).
// Exercise 05 runs app backends and brokers instead (`--own-broker`, `--redis`).
// `--class <address>` (or WORKSHOP_CLASS, also in the kit's .env): Part 1 talks to the room's class server.
import { existsSync } from 'node:fs';
import { parseArgs, styleText } from 'node:util';
import { type ClassChoice, chooseClass, envFileAt } from './class-options';
import { printBanner } from './dev-banner';
import { readDevPorts } from './dev-ports';
import { type Exercise, exerciseAt, findExercise, listExercises, ROOT } from './exercise-catalog';
import { runLabelled } from './labelled-run';
import { type Folder, type LaunchProcess, planLaunch } from './launch-plan';
import { findBusyPorts } from './port-check';
import { assertRedisReachable } from './redis-check';

const DEFAULT_REDIS_URL = 'redis://localhost:6379';

try {
  const { values, positionals } = parseArgs({
    options: {
      solution: { type: 'boolean', default: false },
      scratch: { type: 'boolean', default: false },
      variant: { type: 'string' },
      'own-broker': { type: 'boolean', default: false },
      redis: { type: 'boolean', default: false },
      class: { type: 'string' },
    },
    allowPositionals: true,
  });
  const { exercise, folder } = chooseExercise(positionals[0], askedFolder(values));
  if (folder === 'scratch') requireScratchFolder(exercise);
  const redisUrl = values.redis ? process.env.REDIS_URL || DEFAULT_REDIS_URL : undefined;
  const joined = classFor(chooseClass(values.class, process.env, envFileAt(ROOT)), values.redis);
  const options = {
    variant: checkVariant(values.variant),
    ownBroker: values['own-broker'],
    redisUrl,
    classUrl: joined?.url,
  };
  const ports = readDevPorts(process.env, { student: exercise.studentPort });
  const processes = planLaunch({ exercise, folder, ports, ...options });
  const busy = await findBusyPorts(processes);
  if (busy.length > 0) throw new Error(busy.join('\n'));
  if (redisUrl) await assertRedisReachable(redisUrl);
  printBanner({ exercise, folder, processes, ...options });
  await run(processes);
} catch (error) {
  console.error(styleText('red', error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
}

/** `--redis` runs your own app and brokers only: a saved class address is left out, a typed one is an error. */
function classFor(joined: ClassChoice | undefined, redis: boolean): ClassChoice | undefined {
  if (!joined || !redis) return joined;
  if (joined.source === '--class') {
    throw new Error('--redis runs your own app and brokers only, without a reference: leave out --class.');
  }
  console.log(
    styleText('dim', `--redis runs on this laptop only; the class server (${joined.source}) is left out.`),
  );
  return undefined;
}

function checkVariant(variant: string | undefined): string | undefined {
  if (variant === undefined) return undefined;
  if (!/^[a-z0-9-]+$/.test(variant)) throw new Error('--variant needs a name, e.g. "--variant sse".');
  return variant;
}

function askedFolder({ solution, scratch }: { solution: boolean; scratch: boolean }): Folder {
  if (solution && scratch) throw new Error('Choose one: --solution or --scratch.');
  if (solution) return 'solutions';
  return scratch ? 'scratch' : 'exercises';
}

function requireScratchFolder(exercise: Exercise): void {
  if (existsSync(exercise.scratchDir)) return;
  throw new Error(
    `There is no scratch copy of exercise ${exercise.number} yet: run "pnpm scratch ${exercise.number}" first.`,
  );
}

/** The exercise named on the command line, else the folder we are in, else the first exercise. */
function chooseExercise(query: string | undefined, asked: Folder): { exercise: Exercise; folder: Folder } {
  if (query) return { exercise: findExercise(query), folder: asked };
  const here = exerciseAt(process.cwd());
  // In solutions/ or scratch/, that copy; in exercises/, what was asked for (--solution works there too).
  if (here) return { exercise: here.exercise, folder: here.folder === 'exercises' ? asked : here.folder };
  const first = listExercises()[0];
  if (!first) throw new Error('No exercises found in exercises/.');
  return { exercise: first, folder: asked };
}

async function run(processes: LaunchProcess[]): Promise<void> {
  const ok = await runLabelled(processes, { watch: true });
  if (!ok) process.exitCode = 1;
}
