import path from 'node:path';
import { lanAddress } from './lan-address';
import { createPollServer, type PollServer, SLIDES_ROOT } from './poll-server';

// Started by `pnpm slides` next to Slidev; alone: `node --import tsx poll/index.ts` in slides/.
async function main(): Promise<void> {
  const port = readPort(process.env.POLL_PORT, 3040);
  const publicHost = process.env.POLL_HOST || lanAddress();
  const server = createPollServer({
    publicHost,
    snapshotFile: process.env.POLL_DATA_FILE || path.join(SLIDES_ROOT, '.poll-data', 'votes.json'),
    distDir: path.join(SLIDES_ROOT, 'dist'),
  });
  try {
    await server.listen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use (another "pnpm slides"?). Stop it, or set POLL_PORT to a free port.`
        : `Could not start the poll server on port ${port}: ${String(error)}`,
    );
  }
  console.log(
    `Poll: students vote at http://${publicHost}:${port}/vote (built decks: http://localhost:${port}/)`,
  );
  stopOnSignals(server);
}

function readPort(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`POLL_PORT must be a whole number from 0 to 65535, got "${text}".`);
  }
  return port;
}

function stopOnSignals(server: PollServer): void {
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// A one-line message instead of a stack trace: these are setup problems, not bugs.
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
