import { createNotificationServer } from './app';
import { readServerConfig } from './server-config';

// Started by `pnpm dev` with PORT=3000 (reference) or PORT=4000 (yours); see README.md.
const config = readServerConfig(process.env, { defaultPort: 4000 });
const server = createNotificationServer(config);

try {
  const address = await server.listen(config.port);
  console.log(`SSE notifications server on http://localhost:${address.port}/sse`);
} catch (error) {
  console.error(explainListenError(error, config.port));
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

function shutDown(): void {
  server.close().then(() => process.exit(0));
}
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
