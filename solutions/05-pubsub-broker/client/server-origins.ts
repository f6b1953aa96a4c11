// `pnpm dev` and the tests pass other ports through these variables; the defaults are the workshop's.

/** The reference app backend: it already publishes to the broker, so Part 1 can start with the client. */
export const REFERENCE_APP: string = import.meta.env.VITE_REFERENCE_APP ?? 'http://localhost:3000';

/** Your own app backend from Part 2 (`server/board-routes.ts`), which publishes every new idea. */
export const YOUR_APP: string = import.meta.env.VITE_YOUR_APP ?? 'http://localhost:4000';
