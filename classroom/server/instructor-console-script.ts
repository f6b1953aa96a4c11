import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The console's browser script (classroom/console/instructor-console.ts), its types stripped once at start by
 * Vite's transformer, as the slides' vote page does: written in TypeScript and type-checked like every client.
 */
export async function transpileInstructorConsoleScript(): Promise<string> {
  const file = fileURLToPath(new URL('../console/instructor-console.ts', import.meta.url));
  const { transformWithOxc } = await import('vite');
  const result = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
  return result.code;
}
