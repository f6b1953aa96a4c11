// The class server as `pnpm class:build` bundles it: `node class-server.mjs` in a folder without the kit and
// without node_modules, on a host the whole room can reach. Its reference servers are the bundled
// servers/*.mjs beside it; everything else is the code of `pnpm class` (scripts/class-command.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClassCommand } from '../../scripts/class-command';
import { planClassServers } from '../../scripts/class-plan';
import { bundledServerFile } from './bundle-files';

const HERE = path.dirname(fileURLToPath(import.meta.url));

await runClassCommand(process.argv.slice(2), {
  consoleScript: () => readFile(path.join(HERE, 'console.js'), 'utf8'),
  planServers: (servers, allowedOrigins) =>
    planClassServers({
      servers: servers.map(({ route, port }) => ({
        label: route.label,
        cwd: HERE,
        entry: bundledServerFile(route),
        port,
      })),
      allowedOrigins,
    }),
});
