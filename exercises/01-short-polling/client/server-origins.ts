// `pnpm dev` and the tests pass other ports through these variables; the defaults are the workshop's.

/** The reference server: it already works, so Part 1 can start with the client. */
export const REFERENCE_SERVER: string = import.meta.env.VITE_REFERENCE_SERVER ?? 'http://localhost:3000';

/** Your own server from Part 2 (`server/poll-route.ts`). */
export const YOUR_SERVER: string = import.meta.env.VITE_YOUR_SERVER ?? 'http://localhost:4000';
