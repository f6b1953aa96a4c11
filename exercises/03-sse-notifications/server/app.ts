import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { allowOrigin, allowOrigins } from './cors';
import { jsonErrors, notFound } from './json-errors';
import { NotificationFeed } from './notification-feed';
import { NotificationGenerator } from './notification-generator';
import { createNotificationsRouter } from './notifications-route';
import { ProgressSimulator } from './progress-simulator';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { SAMPLE_NOTIFICATIONS } from './sample-notifications';
import { createSseRoute } from './sse-route';

export interface NotificationServerOptions {
  /** Origins whose pages may connect, e.g. the Vite dev server's `http://localhost:5173`. */
  allowedOrigins: readonly string[];
  /** Comment sent on an idle stream this often (default 15 s). */
  keepAliveMs?: number;
  /** Reconnection delay the browser is told to use (default 2 s). */
  retryMs?: number;
  /** Unread bytes after which a slow client is cut off (default 1 MiB). */
  maxBufferedBytes?: number;
  /** `POST /notifications` one client address may make per window (default 30 per 10 s). */
  postRateLimit?: RateLimitOptions;
  /** A random notification every few seconds, so the page always has something to show (default true). */
  randomNotifications?: boolean;
}

export interface NotificationServer {
  readonly feed: NotificationFeed;
  readonly httpServer: Server;
  /** Starts listening (port 0 picks a free one) and starts the random notifications. */
  listen(port: number): Promise<AddressInfo>;
  /** Stops the timers, ends every open stream and closes the port. */
  close(): Promise<void>;
}

/** The notifications server of exercise 03: an SSE stream plus a small JSON API. */
export function createNotificationServer(options: NotificationServerOptions): NotificationServer {
  const streamOptions = {
    keepAliveMs: options.keepAliveMs ?? 15_000,
    retryMs: options.retryMs ?? 2_000,
    maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
  };
  const feed = new NotificationFeed();
  const progress = new ProgressSimulator(feed);
  const generator = new NotificationGenerator(feed, progress);
  const publishLimiter = new RateLimiter(options.postRateLimit ?? { maxRequests: 30, windowMs: 10_000 });
  for (const sample of SAMPLE_NOTIFICATIONS.slice(0, 3)) feed.create(sample);

  const app = express();
  app.disable('x-powered-by');
  // Behind the class server (pnpm class) requests come from loopback, and X-Forwarded-For names the device.
  app.set('trust proxy', 'loopback');
  app.use(allowOrigins(options.allowedOrigins));
  app.get('/', (_request, response) => {
    response.json({ endpoints: ['GET /sse', 'GET /notifications', 'POST /notifications', 'GET /stats'] });
  });
  app.use(createNotificationsRouter(feed, progress, publishLimiter));
  app.get('/stats', (_request, response) => {
    response.json({ openStreams: feed.listenerCount, runningProgressTasks: progress.runningCount });
  });
  app.use(notFound);
  app.use(jsonErrors);

  const sseRoute = createSseRoute(feed, streamOptions);
  const httpServer = createServer((request, response) => {
    // The stream skips Express: Express gives every response a hidden class of its own, and writing one event
    // to thousands of them is then 1.5× slower than to Node's own (measured: docs/bench/fan-out.md).
    if (request.method === 'GET' && pathOf(request) === '/sse') {
      allowOrigin(request, response, options.allowedOrigins);
      sseRoute(request, response);
      return;
    }
    app(request, response);
  });

  function listen(port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, () => {
        httpServer.off('error', reject);
        if (options.randomNotifications !== false) generator.start();
        resolve(httpServer.address() as AddressInfo);
      });
    });
  }

  function close(): Promise<void> {
    generator.stop();
    progress.stop();
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      // Event streams never end by themselves; close them so the port is freed now.
      httpServer.closeAllConnections();
    });
  }

  return { feed, httpServer, listen, close };
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}
