// What `pnpm class` starts: each reference server on a loopback port of its own, started like `pnpm dev`
// starts them (launch-command.ts), allowing the room's origins.
import type { Exercise } from './exercise-catalog';
import { exerciseFolder, type LaunchProcess, localUrl } from './launch-plan';

export interface ClassServerRequest {
  /** Its label in the output, e.g. "04 sse". */
  label: string;
  exercise: Exercise;
  /** Entry file relative to the solution folder. */
  entry: string;
  /** A free loopback port; only the class server's front door talks to it. */
  port: number;
}

export interface ClassPlanRequest {
  servers: ClassServerRequest[];
  allowedOrigins: string[];
}

export function planClassServers({ servers, allowedOrigins }: ClassPlanRequest): LaunchProcess[] {
  return servers.map(({ label, exercise, entry, port }) => ({
    name: label,
    title: `The reference server of exercise ${label}`,
    kind: 'server',
    cwd: exerciseFolder(exercise, 'solutions'),
    entry,
    port,
    portVariable: 'CLASS_PORT',
    env: { PORT: String(port), ALLOWED_ORIGINS: allowedOrigins.join(',') },
    readyUrl: `${localUrl(port)}/`,
    color: 'magenta',
  }));
}
