import { runChatServer } from './run-server';

// The same chat over Server-Sent Events and POST (`pnpm dev:sse`). The WebSocket chat starts from index.ts.
await runChatServer('sse');
