// `pnpm class` (the instructor's laptop): the reference servers of exercises 01–05 for the whole room,
// behind one port on every network interface. Students join with `pnpm dev NN --class <address>`; phones open
// 05's idea board at `/05/` and the technique arena at `/arena/`.
// Usage: pnpm class [--port 8000] [--host 0.0.0.0] [--origin https://example.org]…
import path from 'node:path';
import { transpileArenaScript } from '../arena/page/arena-script';
import { startArena } from '../arena/server/arena-server';
import { transpileInstructorConsoleScript } from '../classroom/server/instructor-console-script';
import { readVoteStyles, transpileVoteScripts } from '../slides/poll/vote-page/vote-assets';
import { announceClassServer } from './class-announcement';
import { cachedBoardPage } from './class-board-page';
import { runClassCommand } from './class-command';
import { findExercise, ROOT } from './exercise-catalog';
import { exerciseFolder } from './launch-plan';

await runClassCommand(process.argv.slice(2), {
  consoleScript: transpileInstructorConsoleScript,
  boardPage: cachedBoardPage,
  listening: announceClassServer,
  votePage: async () => ({ scripts: await transpileVoteScripts(), styles: readVoteStyles() }),
  // Beside the laptop's own `pnpm slides` votes (slides/.poll-data), not mixed with them.
  pollDataDir: path.join(ROOT, 'node_modules', '.cache', 'realtime-workshop', 'class-poll'),
  // On loopback behind the class server, which alone the phones reach: at /arena/, changed with the key.
  arena: async () => startArena({ port: 0, pageScript: await transpileArenaScript(), behindProxy: true }),
  locate: (route) => ({
    cwd: exerciseFolder(findExercise(route.exerciseName), 'solutions'),
    entry: route.entry,
  }),
});
