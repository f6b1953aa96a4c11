import { runChatServer } from './run-server';

// The chat over WebSocket (`pnpm dev`). The SSE variant starts from index.sse.ts (`pnpm dev:sse`).
await runChatServer('websocket');
