// `pnpm arena`: the five techniques side by side, live, on http://localhost:3600 (ARENA_PORT for another).

import { transpileArenaScript } from '../arena/page/arena-script';
import { startArena } from '../arena/server/arena-server';

const port = readPort(process.env.ARENA_PORT, 3600);
try {
  const arena = await startArena({ port, pageScript: await transpileArenaScript() });
  console.log(`The technique arena on http://localhost:${arena.port}/ (Ctrl+C stops it)`);
  const stop = () => {
    void arena.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use (another "pnpm arena"?). Stop it, or set ARENA_PORT to a free port.`
      : `The arena could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}

function readPort(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`ARENA_PORT must be a whole number from 0 to 65535, got "${text}".`);
  }
  return value;
}
