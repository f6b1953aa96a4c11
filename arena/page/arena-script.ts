import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The page's script (arena-client.ts), its types stripped by Vite's transformer, as the vote page's. */
export async function transpileArenaScript(): Promise<string> {
  const file = fileURLToPath(new URL('./arena-client.ts', import.meta.url));
  const { transformWithOxc } = await import('vite');
  const result = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
  return result.code;
}
