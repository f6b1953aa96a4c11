import type { ClassRoute } from '../server/class-routes';

/** Where the bundle keeps a reference server: `servers/04-sse.mjs` for the route labelled "04 sse". */
export function bundledServerFile(route: ClassRoute): string {
  return `servers/${route.label.replaceAll(' ', '-')}.mjs`;
}

/** Where the bundle keeps 05's built idea board for phones. */
export const BUNDLED_BOARD_FOLDER = 'board';

/** Where the bundle keeps the slides' vote page (its scripts, types stripped at build time, and its CSS). */
export const BUNDLED_VOTE_FOLDER = 'vote';
