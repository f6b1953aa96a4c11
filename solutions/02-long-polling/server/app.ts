import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { UPDATES_PATH } from '../protocol/messages';
import { allowOrigins } from './cors';
import { HeldRequests } from './held-requests';
import { jsonErrors, notFound } from './json-errors';
import { NotificationFeed } from './notification-feed';
import { NotificationGenerator } from './notification-generator';
import { createNotificationsRouter } from './notifications-route';
import { ProgressSimulator } from './progress-simulator';
import { RateLimiter, type RateLimitOptions } from './rate-limit';
import { SAMPLE_NOTIFICATIONS } from './sample-notifications';
import { createUpdatesRoute } from './updates-route';

export interface NotificationServerOptions {
  /** Origins whose pages may connect, e.g. the Vite dev server's `http://localhost:5173`. */
  allowedOrigins: readonly string[];
  /** How long a request waits for news before it gets 204 No Content (default 25 s). */
  longPollTimeoutMs?: number;
  /** Creates a notification every 1–3 s, so there is always something to see (default true). */
  demoNotifications?: boolean;
  /** `POST /notifications` one client address may make per window (default 30 per 10 s). */
  postRateLimit?: RateLimitOptions;
}

export interface NotificationServer {
  readonly feed: NotificationFeed;
  readonly httpServer: Server;
  /** Starts listening (port 0 picks a free one) and starts the random notifications. */
  listen(port: number): Promise<AddressInfo>;
  /** Stops the timers, ends every held request and closes the port. */
  close(): Promise<void>;
}

/** The notifications server of exercise 02: long polling plus a small JSON API. */
export function createNotificationServer(options: NotificationServerOptions): NotificationServer {
  const feed = new NotificationFeed();
  const heldRequests = new HeldRequests({ timeoutMs: options.longPollTimeoutMs ?? 25_000 });
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
    response.json({
      endpoints: [`GET ${UPDATES_PATH}`, 'GET /notifications', 'POST /notifications', 'GET /stats'],
    });
  });
  app.get(UPDATES_PATH, createUpdatesRoute(feed, heldRequests));
  app.use(createNotificationsRouter(feed, progress, publishLimiter));
  app.get('/stats', (_request, response) => {
    response.json({
      waitingRequests: heldRequests.count,
      waitTimers: heldRequests.timerCount,
      changeListeners: feed.listenerCount,
      runningProgressTasks: progress.runningCount,
    });
  });
  app.use(notFound);
  app.use(jsonErrors);

  const httpServer = createServer(app);

  function listen(port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, () => {
        httpServer.off('error', reject);
        if (options.demoNotifications ?? true) generator.start();
        resolve(httpServer.address() as AddressInfo);
      });
    });
  }

  function close(): Promise<void> {
    generator.stop();
    progress.stop();
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      // Held requests would keep the port busy for up to 25 s; close them now (their timers go with them).
      httpServer.closeAllConnections();
    });
  }

  return { feed, httpServer, listen, close };
}
