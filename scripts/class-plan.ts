// What `pnpm class` starts: each reference server on a loopback port of its own, started like `pnpm dev`
// starts them (launch-command.ts), allowing the room's origins.
import type { LaunchProcess } from './launch-plan';
import { localUrl } from './launch-plan';

export interface ClassServerRequest {
  /** Its label in the output, e.g. "04 sse". */
  label: string;
  /** The folder it runs in: the solution's (pnpm class), or the bundle's (pnpm class:build). */
  cwd: string;
  /** Entry file relative to `cwd`: TypeScript runs through tsx, a bundled .mjs with plain node. */
  entry: string;
  /** A free loopback port; only the class server's front door talks to it. */
  port: number;
}

export interface ClassPlanRequest {
  servers: ClassServerRequest[];
  allowedOrigins: string[];
}

export function planClassServers({ servers, allowedOrigins }: ClassPlanRequest): LaunchProcess[] {
  return servers.map(({ label, cwd, entry, port }) => ({
    name: label,
    title: `The reference server of exercise ${label}`,
    kind: 'server',
    cwd,
    entry,
    port,
    portVariable: 'CLASS_PORT',
    env: { PORT: String(port), ALLOWED_ORIGINS: allowedOrigins.join(',') },
    readyUrl: `${localUrl(port)}/`,
    color: 'magenta',
  }));
}
