// The page phones open on the class server: 05's idea board, built by Vite for the path `/05/` and talking to
// the class server's own 05 app backend (same origin, so any phone in the room can use it). `pnpm class` builds
// it into node_modules/.cache once and again only when its sources change; `pnpm class:build` into the bundle.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { BOARD_PAGE_PATH } from '../classroom/server/class-routes';
import { findExercise, ROOT } from './exercise-catalog';

const CACHE = path.join(ROOT, 'node_modules', '.cache', 'realtime-workshop', 'class-board');

/** Builds the board into `outDir` (emptied first). */
export async function buildBoardPage(outDir: string): Promise<void> {
  const exercise = findExercise('05-pubsub-broker');
  // The built page asks the app backend under the same path it was loaded from: `/05/api/…` on the class server.
  const appPath = JSON.stringify(BOARD_PAGE_PATH.replace(/\/$/, ''));
  await build({
    root: exercise.solutionDir,
    base: BOARD_PAGE_PATH,
    configFile: false,
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_REFERENCE_APP': appPath, 'import.meta.env.VITE_YOUR_APP': appPath },
    plugins: [withoutTaskCard()],
    build: { outDir, emptyOutDir: true },
  });
}

/** Phones in the room post ideas; the exercise's task card ("1. Client: in client/…") is for the laptops. */
function withoutTaskCard(): Plugin {
  return {
    name: 'class-board-without-task-card',
    transformIndexHtml(html) {
      const start = html.indexOf('<aside class="task-card">');
      const end = html.indexOf('</aside>', start);
      if (start === -1 || end === -1) throw new Error('05’s index.html has no task card to leave out.');
      return html.slice(0, start) + html.slice(end + '</aside>'.length);
    },
  };
}

/** The board for `pnpm class`: the cached build when it is newer than every source file, else a new one. */
export async function cachedBoardPage(): Promise<string> {
  const built = path.join(CACHE, 'index.html');
  const sources = [findExercise('05-pubsub-broker').solutionDir, path.join(ROOT, 'shared-ui', 'src')];
  if (existsSync(built) && newestChange(sources) < statSync(built).mtimeMs) return CACHE;
  console.log('Building 05’s idea board for the phones (once; again only after its sources change) …');
  await buildBoardPage(CACHE);
  return CACHE;
}

/** The newest modification time of any page source in these folders (servers and tests included: harmless). */
function newestChange(folders: string[]): number {
  let newest = 0;
  for (const folder of folders) {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.parentPath.includes('node_modules')) continue;
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}
