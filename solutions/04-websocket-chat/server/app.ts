import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ChatRoom } from './chat-room';
import { allowOrigins } from './cors';
import { jsonErrors, notFound } from './json-errors';
import { createMessagesRouter } from './messages-route';
import { createModerationRouter } from './moderation-route';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { createSseChat } from './sse-chat';
import { attachChatWebSocket } from './websocket-server';

export interface ChatServerOptions {
  /** `websocket` (the task, `server/index.ts`) or `sse` (the variant, `server/index.sse.ts`). */
  transport: 'websocket' | 'sse';
  /** Origins whose pages may connect, e.g. the Vite dev server's `http://localhost:5173`. */
  allowedOrigins: readonly string[];
  /** WebSocket: how often every client is pinged (default 30 s). */
  heartbeatMs?: number;
  /** Unread bytes after which a slow client is cut off (default 1 MiB). */
  maxBufferedBytes?: number;
  /** SSE: comment sent on an idle stream this often (default 15 s). */
  keepAliveMs?: number;
  /** `POST /messages` one client address may make per window (default 100 per 10 s). */
  postRateLimit?: RateLimitOptions;
  /** Opens `/moderation` to whoever sends this key (the class server's instructor); without it there is none. */
  instructorKey?: string;
}

export interface ChatServer {
  readonly room: ChatRoom;
  readonly httpServer: Server;
  /** Starts listening; port 0 picks a free one. */
  listen(port: number): Promise<AddressInfo>;
  /** Says goodbye to every client and closes the port. */
  close(): Promise<void>;
}

/** The chat server of exercise 04: the chat over WebSocket (or SSE), plus a small JSON API. */
export function createChatServer(options: ChatServerOptions): ChatServer {
  const maxBufferedBytes = options.maxBufferedBytes ?? 1024 * 1024;
  const room = new ChatRoom();
  const postLimiter = new RateLimiter(options.postRateLimit ?? { maxRequests: 100, windowMs: 10_000 });
  const sseChat =
    options.transport === 'sse'
      ? createSseChat(room, { keepAliveMs: options.keepAliveMs ?? 15_000, retryMs: 2_000, maxBufferedBytes })
      : undefined;

  const app = express();
  app.disable('x-powered-by');
  // Behind the class server (pnpm class) requests come from loopback, and X-Forwarded-For names the device.
  app.set('trust proxy', 'loopback');
  app.use(allowOrigins(options.allowedOrigins));
  app.get('/', (request, response) => {
    const chat =
      options.transport === 'websocket' ? `WebSocket ws://${request.get('host')}/` : 'GET /events (SSE)';
    response.json({ chat, endpoints: ['GET /messages', 'POST /messages', 'GET /stats'] });
  });
  if (sseChat) app.get('/events', sseChat.route);
  app.use(createMessagesRouter(room, postLimiter));
  app.use(createModerationRouter(room, options.instructorKey));
  app.get('/stats', (_request, response) => {
    response.json({ openConnections: connectionCount(), storedMessages: room.list().length });
  });
  app.use(notFound);
  app.use(jsonErrors);

  const httpServer = createServer(app);
  const webSocketChat =
    options.transport === 'websocket'
      ? attachChatWebSocket(httpServer, room, {
          allowedOrigins: options.allowedOrigins,
          heartbeatMs: options.heartbeatMs ?? 30_000,
          maxBufferedBytes,
        })
      : undefined;

  function connectionCount(): number {
    return webSocketChat?.clientCount ?? sseChat?.streamCount ?? 0;
  }

  function listen(port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, () => {
        httpServer.off('error', reject);
        resolve(httpServer.address() as AddressInfo);
      });
    });
  }

  async function close(): Promise<void> {
    sseChat?.close();
    await webSocketChat?.close();
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      // Event streams never end by themselves; close them so the port is freed now.
      httpServer.closeAllConnections();
    });
  }

  return { room, httpServer, listen, close };
}
