// The arguments of `pnpm verify`: which exercise, whose copy of it, and which of its checks.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Exercise } from './exercise-catalog';

export interface VerifyOptions {
  /** The exercise as typed (`03`); without it, the exercise folder verify runs in. */
  query: string | undefined;
  solution: boolean;
  /** Check the from-scratch copy (`pnpm scratch NN`) instead of the starter. */
  scratch: boolean;
  /** Only the checks of one part, or only the bonus checks. */
  part: Part | undefined;
  /** Only the checks of one variant (04: `sse`, the chat over SSE + POST). */
  variant: string | undefined;
  /** Check again every time a file of the exercise is saved. */
  watch: boolean;
  help: boolean;
}

export type Part = '1' | '2' | '3' | 'bonus';

const PARTS: readonly string[] = ['1', '2', '3', 'bonus'];

export const VERIFY_HELP = `Checks your work on an exercise in a real browser.

  pnpm verify [NN] [--part 1|2|3|bonus] [--variant sse] [--solution | --scratch] [--watch]

  NN              the exercise, e.g. 03 (inside an exercise folder: that one)
  --part 1        only the checks of Part 1 (2: Part 2, 3: Part 3 of exercise 05)
  --part bonus    only the bonus checks (💯)
  --variant sse   exercise 04: the chat over SSE + POST (pnpm dev:sse); left out without it
  --solution      check the reference solution instead of your work
  --scratch       check your from-scratch copy (pnpm scratch NN) instead of the starter
  --watch         check again every time you save a file, and say what changed (Ctrl+C stops)
  --help          show this text

Examples: pnpm verify 01 · pnpm verify 04 --part 2 · pnpm verify 04 --variant sse --part 1 · pnpm verify 03 --watch`;

/** Reads the command line; throws a message that says what to type instead. */
export function parseVerifyArgs(argv: string[]): VerifyOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      solution: { type: 'boolean', default: false },
      scratch: { type: 'boolean', default: false },
      part: { type: 'string' },
      variant: { type: 'string' },
      watch: { type: 'boolean', short: 'w', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 1) {
    throw new Error(
      `One exercise at a time: got ${positionals.join(', ')}. Run for example "pnpm verify 03".`,
    );
  }
  if (values.solution && values.scratch) throw new Error('Choose one: --solution or --scratch.');
  const part = values.part?.toLowerCase();
  if (part !== undefined && !PARTS.includes(part)) {
    throw new Error(`--part takes 1, 2, 3 or bonus, not "${values.part}".`);
  }
  return {
    query: positionals[0],
    solution: values.solution,
    scratch: values.scratch,
    part: part as Part | undefined,
    variant: values.variant?.toLowerCase(),
    watch: values.watch,
    help: values.help,
  };
}

/** Throws when the exercise has no such part or variant, before anything starts. */
export function checkSelection(exercise: Exercise, { part, variant }: VerifyOptions): void {
  if (part === '3' && exercise.stack !== 'pubsub') {
    throw new Error(`Exercise ${exercise.number} has Parts 1 and 2; only exercise 05 has a Part 3.`);
  }
  if (variant === undefined) return;
  const entry = path.join(exercise.starterDir, 'server', `index.${variant}.ts`);
  if (!/^[a-z]+$/.test(variant) || !existsSync(entry)) {
    throw new Error(
      `Exercise ${exercise.number} has no variant "${variant}" (exercise 04 has --variant sse).`,
    );
  }
}

/**
 * Playwright's --grep for the checks asked for, or undefined for all of them. It is matched against a check's
 * whole title, groups included: "… Bonus · SSE variant (pnpm dev:sse) Part 1 · client … shows …".
 */
export function grepFor({ part, variant }: Pick<VerifyOptions, 'part' | 'variant'>): string | undefined {
  const wanted: string[] = [];
  if (variant) wanted.push(`${variant.toUpperCase()} variant`);
  if (part === 'bonus') wanted.push('\\bBonus\\b');
  else if (part) wanted.push(`Part ${part} ·`);
  if (wanted.length === 0) return undefined;
  return wanted.map((pattern) => `(?=.*${pattern})`).join('');
}

/** The variants of an exercise, from its `server/index.NAME.ts` files (04: `sse`). */
export function listVariants(exercise: Exercise): string[] {
  const serverDir = path.join(exercise.starterDir, 'server');
  if (!existsSync(serverDir)) return [];
  return readdirSync(serverDir)
    .map((file) => /^index\.([a-z]+)\.ts$/.exec(file)?.[1])
    .filter((variant): variant is string => variant !== undefined);
}

/**
 * Playwright's --grep-invert: without --variant, the checks of the variants (a bonus of their own, with their
 * own files) are left out, so the main task's result is not buried under them; undefined when none are.
 */
export function grepInvertFor(variants: readonly string[], { variant }: Pick<VerifyOptions, 'variant'>) {
  if (variant !== undefined || variants.length === 0) return undefined;
  return `(${variants.map((name) => name.toUpperCase()).join('|')}) variant`;
}

/** "Part 2 of exercise 04", "the bonus checks of exercise 01", "exercise 03". */
export function describeSelection(exercise: Exercise, { part, variant }: VerifyOptions): string {
  const whole = `exercise ${exercise.number}${variant ? ` (${variant.toUpperCase()} variant)` : ''}`;
  if (part === 'bonus') return `the bonus checks of ${whole}`;
  if (part) return `Part ${part} of ${whole}`;
  return whole;
}
