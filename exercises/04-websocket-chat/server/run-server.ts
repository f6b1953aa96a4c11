import { type ChatServer, type ChatServerOptions, createChatServer } from './app';
import { readServerConfig } from './server-config';

/**
 * Starts the chat server with the settings from the environment and stops it on Ctrl+C. Started by
 * `pnpm dev` with PORT=3000 (reference) or PORT=8080 (yours); see README.md.
 */
export async function runChatServer(transport: ChatServerOptions['transport']): Promise<void> {
  try {
    const config = readServerConfig(process.env, { defaultPort: 8080 });
    const server = createChatServer({ ...config, transport });
    const address = await server.listen(config.port).catch((error: unknown) => {
      throw new Error(explainListenError(error, config.port));
    });
    console.log(describe(transport, address.port));
    stopOnSignals(server);
  } catch (error) {
    // A one-line message instead of a stack trace: these are setup problems, not bugs.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

function describe(transport: ChatServerOptions['transport'], port: number): string {
  if (transport === 'sse') return `SSE chat server on http://localhost:${port}/events (post to /messages)`;
  return `WebSocket chat server on ws://localhost:${port}`;
}

function explainListenError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use (is another "pnpm dev" still running?). Stop it, or set PORT to a free port.`;
  }
  if (code === 'EACCES') return `Port ${port} needs special rights on this system; choose a port above 1024.`;
  return `Could not start the server on port ${port}: ${String(error)}`;
}

function stopOnSignals(server: ChatServer): void {
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
