// `pnpm example NAME`: one of the minimal examples in examples/ (the first code the slides show for each
// technique), its server and page on http://localhost:3500 (PORT moves it). Without NAME: the list.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { styleText } from 'node:util';
import { ROOT } from './exercise-catalog';

const EXAMPLES_DIR = path.join(ROOT, 'examples');

const names = readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(EXAMPLES_DIR, entry.name, 'server.ts')))
  .map((entry) => entry.name)
  .sort();
const asked = process.argv[2];
if (asked === undefined || !names.includes(asked)) {
  const problem = asked === undefined ? 'Which example?' : `There is no example "${asked}".`;
  console.error(
    styleText('red', `${problem} Run one of: ${names.map((name) => `pnpm example ${name}`).join(', ')}`),
  );
  process.exitCode = 1;
} else {
  // The example's server starts as it is imported; tsx (this command's loader) runs its TypeScript.
  await import(pathToFileURL(path.join(EXAMPLES_DIR, asked, 'server.ts')).href);
}
