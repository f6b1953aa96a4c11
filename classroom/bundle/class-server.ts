// The class server as `pnpm class:build` bundles it: `node class-server.mjs` in a folder without the kit and
// without node_modules, on a host the whole room can reach. Its reference servers are the bundled
// servers/*.mjs beside it, the phones' idea board is board/; everything else is the code of `pnpm class`
// (scripts/class-command.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClassCommand } from '../../scripts/class-command';
import { BUNDLED_BOARD_FOLDER, BUNDLED_VOTE_FOLDER, bundledServerFile } from './bundle-files';

const HERE = path.dirname(fileURLToPath(import.meta.url));

await runClassCommand(process.argv.slice(2), {
  consoleScript: () => readFile(path.join(HERE, 'console.js'), 'utf8'),
  boardPage: async () => path.join(HERE, BUNDLED_BOARD_FOLDER),
  locate: (route) => ({ cwd: HERE, entry: bundledServerFile(route) }),
  votePage: async () => {
    const folder = path.join(HERE, BUNDLED_VOTE_FOLDER);
    const [vote, countdown, styles] = await Promise.all(
      ['vote.js', 'countdown.js', 'vote.css'].map((file) => readFile(path.join(folder, file), 'utf8')),
    );
    return { scripts: { 'vote.js': vote ?? '', 'countdown.js': countdown ?? '' }, styles: styles ?? '' };
  },
  pollDataDir: path.join(HERE, 'poll-data'),
});
