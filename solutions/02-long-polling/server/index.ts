import { UPDATES_PATH } from '../protocol/messages';
import { createNotificationServer, type NotificationServer } from './app';
import { readServerConfig } from './server-config';

// Started by `pnpm dev` with PORT=3000 (reference) or PORT=4000 (yours); see README.md.
async function main(): Promise<void> {
  const config = readServerConfig(process.env, { defaultPort: 4000 });
  const server = createNotificationServer(config);
  try {
    const address = await server.listen(config.port);
    console.log(`Long-polling notifications server on http://localhost:${address.port}${UPDATES_PATH}`);
  } catch (error) {
    throw new Error(explainListenError(error, config.port));
  }
  stopOnSignals(server);
}

function explainListenError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use (is another "pnpm dev" still running?). Stop it, or set PORT to a free port.`;
  }
  if (code === 'EACCES') return `Port ${port} needs special rights on this system; choose a port above 1024.`;
  return `Could not start the server on port ${port}: ${String(error)}`;
}

function stopOnSignals(server: NotificationServer): void {
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
