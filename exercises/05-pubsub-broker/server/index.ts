import { type BoardServer, createBoardServer } from './app';
import { DEV_INSTRUCTOR_KEY, readServerConfig } from './server-config';

// The app backend (`pnpm dev` starts it on 3000 for the reference, 4000 for yours).
try {
  const config = readServerConfig(process.env, { defaultPort: 4000 });
  const server = createBoardServer(config);
  const address = await server.listen(config.port).catch((error: unknown) => {
    throw new Error(explainListenError(error, config.port));
  });
  console.log(`Idea board backend on http://localhost:${address.port}, publishing to ${config.brokerUrl}`);
  if (config.instructorKey === DEV_INSTRUCTOR_KEY) {
    console.log(`Instructor key: ${DEV_INSTRUCTOR_KEY} (open the page with #instructor)`);
  }
  stopOnSignals(server);
} catch (error) {
  // A one-line message instead of a stack trace: these are setup problems, not bugs.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

function explainListenError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use (is another "pnpm dev" still running?). Stop it, or set PORT to a free port.`;
  }
  if (code === 'EACCES') return `Port ${port} needs special rights on this system; choose a port above 1024.`;
  return `Could not start the server on port ${port}: ${String(error)}`;
}

function stopOnSignals(server: BoardServer): void {
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
