import { styleText } from 'node:util';
import { renderUnicodeCompact } from 'uqr';
import type { ClassRoute } from '../classroom/server/class-routes';

export interface ClassBannerInput {
  host: string;
  port: number;
  /** This laptop's addresses in the room's network, the likeliest first. */
  lan: string[];
  origins: string[];
  routes: readonly ClassRoute[];
  /** Opens the progress board; CLASS_INSTRUCTOR_KEY, else a new one per start. */
  instructorKey: string;
  /** The technique arena runs at `/arena/`. */
  arena?: boolean;
}

/** Which address students use (the first LAN address), the command they type, and a QR code for phones. */
export function printClassBanner({
  host,
  port,
  lan,
  origins,
  routes,
  instructorKey,
  arena = false,
}: ClassBannerInput): void {
  const listensEverywhere = host === '0.0.0.0' || host === '::';
  const reachable = listensEverywhere
    ? lan.map((address) => `http://${address}:${port}`)
    : [`http://${host}:${port}`];
  const main = reachable[0];
  const lines = [
    styleText('bold', `Class server on port ${port}: the reference servers of ${describeRoutes(routes)}`),
  ];
  if (!main) {
    lines.push(
      styleText(
        'yellow',
        '  This laptop has no network address: students cannot reach it. Join the room’s Wi-Fi and start again.',
      ),
    );
  } else {
    lines.push(`  Students type          pnpm dev 04 --class ${main}`);
    lines.push(`  or once, in .env       WORKSHOP_CLASS=${main}`);
    for (const other of reachable.slice(1)) lines.push(`  Also reachable at      ${other}`);
    lines.push(`  Start page (phones)    ${main}`);
    lines.push(`  Slides' poll (phones)  ${main}/poll/vote (the deck uses it with WORKSHOP_CLASS=${main})`);
    if (arena)
      lines.push(`  Technique arena        ${main}/arena/ (everyone watches; only the key changes it)`);
  }
  // Only the instructor needs the console: localhost works on this laptop and on the projector.
  lines.push(`  Instructor console     http://localhost:${port}/instructor#key=${instructorKey}`);
  if (arena) lines.push(`  Arena with controls    http://localhost:${port}/arena/#key=${instructorKey}`);
  lines.push(`  Paths                  ${routes.map((route) => route.prefix).join('  ')}`);
  lines.push(`  Pages allowed from     ${origins.join(', ')}`);
  lines.push(
    styleText(
      'dim',
      '  Add an origin with --origin <url>. Stop with Ctrl+C.\n' +
        '  The servers below print their own loopback ports: only this laptop reaches those; the room uses the paths.',
    ),
  );
  if (main) lines.push('', renderUnicodeCompact(main, { border: 1 }));
  console.log(`${lines.join('\n')}\n`);
}

function describeRoutes(routes: readonly ClassRoute[]): string {
  const labels = [...new Set(routes.map((route) => route.exerciseName.slice(0, 2)))];
  return `exercises ${labels.join(', ')}`;
}
