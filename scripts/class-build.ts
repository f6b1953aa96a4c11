// `pnpm class:build`: the class server as a folder that runs with plain `node` anywhere (dist/class/): the
// front door and one bundled file per reference server, the console's script, 05's idea board page for phones,
// and a Dockerfile.
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import {
  BUNDLED_BOARD_FOLDER,
  BUNDLED_VOTE_FOLDER,
  bundledServerFile,
} from '../classroom/bundle/bundle-files';
import { CLASS_ROUTES } from '../classroom/server/class-routes';
import { transpileInstructorConsoleScript } from '../classroom/server/instructor-console-script';
import { readVoteStyles, transpileVoteScripts } from '../slides/poll/vote-page/vote-assets';
import { buildBoardPage } from './class-board-page';
import { findExercise, ROOT } from './exercise-catalog';

const OUT = path.join(ROOT, 'dist', 'class');
const DEPLOY = path.join(ROOT, 'classroom', 'deploy');

rmSync(OUT, { recursive: true, force: true });
const servers = Object.fromEntries(
  CLASS_ROUTES.map((route) => [
    bundledServerFile(route).replace(/\.mjs$/, ''),
    path.join(findExercise(route.exerciseName).solutionDir, route.entry),
  ]),
);
await build({
  entryPoints: { 'class-server': path.join(ROOT, 'classroom', 'bundle', 'class-server.ts'), ...servers },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // ws tries these optional native speed-ups and goes on without them. Vite strips the vote page's types in
  // the kit only; the bundle gets them stripped already (vote/ below).
  external: ['bufferutil', 'utf-8-validate', 'vite'],
  // Bundled CommonJS packages (express) call require() for Node's own modules; ES modules have none.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
writeFileSync(path.join(OUT, 'console.js'), await transpileInstructorConsoleScript());
await buildBoardPage(path.join(OUT, BUNDLED_BOARD_FOLDER));
const voteFolder = path.join(OUT, BUNDLED_VOTE_FOLDER);
mkdirSync(voteFolder, { recursive: true });
for (const [file, code] of Object.entries(await transpileVoteScripts())) {
  writeFileSync(path.join(voteFolder, file), code);
}
writeFileSync(path.join(voteFolder, 'vote.css'), readVoteStyles());
for (const file of readdirSync(DEPLOY)) copyFileSync(path.join(DEPLOY, file), path.join(OUT, file));

const size = readdirSync(OUT, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
console.log(
  `Built ${path.relative(ROOT, OUT)}/ (${(size / 1024 / 1024).toFixed(1)} MiB), no node_modules needed:`,
);
console.log('  node dist/class/class-server.mjs [--port 8000] [--origin https://…]');
console.log('  docker build -t realtime-class dist/class && docker run -p 8000:8000 realtime-class');
