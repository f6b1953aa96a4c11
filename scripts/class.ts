// `pnpm class` (the instructor's laptop): the reference servers of exercises 01–04 for the whole room,
// behind one port on every network interface. Students join with `pnpm dev NN --class <address>`.
// Usage: pnpm class [--port 8000] [--host 0.0.0.0] [--origin https://example.org]…
import { transpileInstructorConsoleScript } from '../classroom/server/instructor-console-script';
import { runClassCommand } from './class-command';
import { planClassServers } from './class-plan';
import { findExercise } from './exercise-catalog';
import { exerciseFolder } from './launch-plan';

await runClassCommand(process.argv.slice(2), {
  consoleScript: transpileInstructorConsoleScript,
  planServers: (servers, allowedOrigins) =>
    planClassServers({
      servers: servers.map(({ route, port }) => ({
        label: route.label,
        cwd: exerciseFolder(findExercise(route.exerciseName), 'solutions'),
        entry: route.entry,
        port,
      })),
      allowedOrigins,
    }),
});
