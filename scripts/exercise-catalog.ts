import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever a script is started from. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Whose copy of an exercise: the student's starter, the reference solution, or the student's from-scratch
 * copy (`pnpm scratch NN`: the solution's page with an empty server/).
 */
export type ExerciseFolder = 'exercises' | 'solutions' | 'scratch';

export interface Exercise {
  /** Folder name, e.g. `03-sse-notifications`. */
  name: string;
  /** Two-digit number, e.g. `03`. */
  number: string;
  /** The student's starter. */
  starterDir: string;
  /** The reference solution; its server is the reference server of the exercise. */
  solutionDir: string;
  /** The from-scratch copy, once `pnpm scratch NN` made it. */
  scratchDir: string;
  /** The browser spec that checks the task. */
  taskSpec: string;
  /** Port of the student's server when the task names another than 4000 (`"workshop": { "studentPort": … }`). */
  studentPort: number | undefined;
  /** `pubsub`: app backend + broker + page (exercise 05) instead of one server + page (`"workshop": { "stack": … }`). */
  stack: 'pubsub' | undefined;
}

/** Every exercise in workshop order, found from the folders in `exercises/`. */
export function listExercises(): Exercise[] {
  return readdirSync(path.join(ROOT, 'exercises'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name))
    .map((entry) => describeExercise(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Finds an exercise by number (`3`, `03`) or folder name; throws a message that lists the choices. */
export function findExercise(query: string): Exercise {
  const exercises = listExercises();
  const wanted = query.trim().toLowerCase();
  const found = exercises.find(
    (exercise) => exercise.name === wanted || Number(exercise.number) === Number.parseInt(wanted, 10),
  );
  if (found) return found;
  const choices = exercises.map((exercise) => exercise.name).join(', ');
  throw new Error(`There is no exercise "${query}". Choose one of: ${choices}.`);
}

/** The exercise (and whose copy of it) whose folder contains `directory`, if any. */
export function exerciseAt(directory: string): { exercise: Exercise; folder: ExerciseFolder } | undefined {
  for (const exercise of listExercises()) {
    if (isInside(directory, exercise.starterDir)) return { exercise, folder: 'exercises' };
    if (isInside(directory, exercise.solutionDir)) return { exercise, folder: 'solutions' };
    if (isInside(directory, exercise.scratchDir)) return { exercise, folder: 'scratch' };
  }
  return undefined;
}

/** The folder of one copy of an exercise. */
export function folderOf(exercise: Exercise, folder: ExerciseFolder): string {
  if (folder === 'solutions') return exercise.solutionDir;
  if (folder === 'scratch') return exercise.scratchDir;
  return exercise.starterDir;
}

function describeExercise(name: string): Exercise {
  const starterDir = path.join(ROOT, 'exercises', name);
  return {
    name,
    number: name.slice(0, 2),
    starterDir,
    solutionDir: path.join(ROOT, 'solutions', name),
    scratchDir: path.join(ROOT, 'scratch', name),
    taskSpec: path.join(ROOT, 'tests', name, 'task.spec.ts'),
    ...readWorkshopSettings(starterDir),
  };
}

function readWorkshopSettings(starterDir: string): Pick<Exercise, 'studentPort' | 'stack'> {
  const manifest = JSON.parse(readFileSync(path.join(starterDir, 'package.json'), 'utf8')) as {
    workshop?: { studentPort?: number; stack?: string };
  };
  const stack = manifest.workshop?.stack === 'pubsub' ? 'pubsub' : undefined;
  return { studentPort: manifest.workshop?.studentPort, stack };
}

function isInside(directory: string, parent: string): boolean {
  const relative = path.relative(parent, directory);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
