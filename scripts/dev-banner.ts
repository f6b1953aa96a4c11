import path from 'node:path';
import { styleText } from 'node:util';
import type { Exercise } from './exercise-catalog';
import { ROOT } from './exercise-catalog';
import { type Folder, type LaunchProcess, localUrl } from './launch-plan';

export interface BannerOptions {
  exercise: Exercise;
  folder: Folder;
  processes: LaunchProcess[];
  variant?: string | undefined;
  ownBroker?: boolean;
  redisUrl?: string | undefined;
  /** The class server Part 1 talks to, instead of a reference server on this laptop. */
  classUrl?: string | undefined;
}

/** What runs where, under the same labels the output lines carry, before the first line of output. */
export function printBanner({
  exercise,
  folder,
  processes,
  variant,
  ownBroker,
  redisUrl,
  classUrl,
}: BannerOptions): void {
  const checkLabel = 'Check your work';
  const width = Math.max(checkLabel.length, ...processes.map((process_) => process_.name.length + 2)) + 1;
  const lines = [
    styleText('bold', `Exercise ${exercise.name} (${folder}/)${describeMode(variant, ownBroker, redisUrl)}`),
  ];
  for (const process_ of processes) {
    const label = `[${process_.name}]`.padEnd(width);
    lines.push(`  ${label} ${urlOf(process_, variant)}${noteOf(process_, exercise)}`);
  }
  if (classUrl) {
    const pageEnv = processes.find((process_) => process_.kind === 'page')?.env;
    const reference = pageEnv?.VITE_REFERENCE_SERVER ?? pageEnv?.VITE_REFERENCE_APP;
    lines.push(
      `  ${'Class server'.padEnd(width)} ${reference}   (Part 1: the whole room, one reference server)`,
    );
  }
  const scratch = folder === 'scratch' ? ' --scratch' : '';
  lines.push(`  ${checkLabel.padEnd(width)} pnpm verify ${exercise.number}${scratch}`);
  lines.push(
    styleText('dim', '  Stop with Ctrl+C. Servers restart when you save a file; the page reloads by itself.'),
    '',
  );
  console.log(lines.join('\n'));
}

function describeMode(
  variant: string | undefined,
  ownBroker: boolean | undefined,
  redisUrl: string | undefined,
) {
  if (variant) return `, variant ${variant}`;
  if (redisUrl) return `, two brokers on Redis (${redisUrl})`;
  if (ownBroker) return ', your app publishes to your broker';
  return '';
}

function urlOf(process_: LaunchProcess, variant: string | undefined): string {
  const page = process_.kind === 'page' && variant ? `/index.${variant}.html` : '';
  return `${localUrl(process_.port)}${page}`;
}

function noteOf(process_: LaunchProcess, exercise: Exercise): string {
  if (process_.kind === 'page') return exercise.stack === 'pubsub' ? '   (instructor: add #instructor)' : '';
  if (process_.color !== 'green') return '';
  const folder = path.relative(ROOT, path.join(process_.cwd, path.dirname(process_.entry ?? '')));
  const publishesTo = process_.env.BROKER_URL ? ` → broker ${process_.env.BROKER_URL}` : '';
  return `   (${folder.split(path.sep).join('/')}/)${publishesTo}`;
}
