// The arguments of `pnpm verify`: which exercise, whose copy of it, and which of its checks.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chooseLanguage, type Language } from './cli-language';
import type { Exercise } from './exercise-catalog';
import { verifyTexts } from './verify-texts';

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
  /** What verify and the checks say: `--lang`, else the system's language. */
  language: Language;
  /** `--class`: the class server to share the results with (else WORKSHOP_CLASS, also in .env). */
  classUrl: string | undefined;
  /** `--name`: the student's name on the class's progress board. */
  name: string | undefined;
}

export type Part = '1' | '2' | '3' | 'bonus';

const PARTS: readonly string[] = ['1', '2', '3', 'bonus'];

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
      lang: { type: 'string' },
      class: { type: 'string' },
      name: { type: 'string' },
    },
    allowPositionals: true,
  });
  const language = chooseLanguage(values.lang, process.env);
  const text = verifyTexts(language);
  if (positionals.length > 1) throw new Error(text.oneExercise(positionals.join(', ')));
  if (values.solution && values.scratch) throw new Error(text.solutionOrScratch);
  const part = values.part?.toLowerCase();
  if (part !== undefined && !PARTS.includes(part)) throw new Error(text.partChoices(values.part ?? ''));
  return {
    query: positionals[0],
    solution: values.solution,
    scratch: values.scratch,
    part: part as Part | undefined,
    variant: values.variant?.toLowerCase(),
    watch: values.watch,
    help: values.help,
    language,
    classUrl: values.class,
    name: values.name,
  };
}

/** Throws when the exercise has no such part or variant, before anything starts. */
export function checkSelection(exercise: Exercise, { part, variant, language }: VerifyOptions): void {
  const text = verifyTexts(language);
  if (part === '3' && exercise.stack !== 'pubsub') throw new Error(text.noPartThree(exercise.number));
  if (variant === undefined) return;
  const entry = path.join(exercise.starterDir, 'server', `index.${variant}.ts`);
  if (!/^[a-z]+$/.test(variant) || !existsSync(entry)) {
    throw new Error(text.noVariant(exercise.number, variant));
  }
}

/**
 * Playwright's --grep for the checks asked for, or undefined for all of them. It is matched against a check's
 * whole title, groups included: "… Bonus · SSE variant (pnpm dev:sse) Part 1 · client … shows …". The patterns
 * match the German titles too ("Teil 1 ·", "SSE-Variante (pnpm dev:sse)").
 */
export function grepFor({ part, variant }: Pick<VerifyOptions, 'part' | 'variant'>): string | undefined {
  const wanted: string[] = [];
  if (variant) wanted.push(`\\(pnpm dev:${variant}\\)`);
  if (part === 'bonus') wanted.push('\\bBonus\\b');
  else if (part) wanted.push(`(Part|Teil) ${part} ·`);
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
  return `\\(pnpm dev:(${variants.join('|')})\\)`;
}

/** "Part 2 of exercise 04", "the bonus checks of exercise 01", "exercise 03" (or in German). */
export function describeSelection(exercise: Exercise, { part, variant, language }: VerifyOptions): string {
  const text = verifyTexts(language);
  const whole = text.exercise(exercise.number, variant);
  if (part === 'bonus') return text.bonusOf(whole);
  if (part) return text.partOf(part, whole);
  return whole;
}
