import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { allowOrigins } from './cors';
import { jsonErrors, notFound } from './json-errors';
import { NotificationFeed } from './notification-feed';
import { NotificationGenerator } from './notification-generator';
import { createNotificationsRouter } from './notifications-route';
import { PollCounter } from './poll-counter';
import { createPollRoute } from './poll-route';
import { ProgressSimulator } from './progress-simulator';
import { RateLimiter, type RateLimitOptions, rateLimit } from './rate-limit';
import { SAMPLE_NOTIFICATIONS } from './sample-notifications';

export interface NotificationServerOptions {
  /** Origins whose pages may poll, e.g. the Vite dev server's `http://localhost:5173`. */
  allowedOrigins: readonly string[];
  /** Polls one client address may make per window (default 300 per 10 s). */
  rateLimit?: RateLimitOptions;
  /** `POST /notifications` one client address may make per window (default 30 per 10 s). */
  postRateLimit?: RateLimitOptions;
}

export interface NotificationServer {
  readonly feed: NotificationFeed;
  readonly httpServer: Server;
  /** Starts listening (port 0 picks a free one) and starts the random notifications. */
  listen(port: number): Promise<AddressInfo>;
  /** Stops the timers and closes the port. */
  close(): Promise<void>;
}

/** The notifications server of exercise 01: a JSON list that pages poll, plus a way to publish. */
export function createNotificationServer(options: NotificationServerOptions): NotificationServer {
  const feed = new NotificationFeed();
  const progress = new ProgressSimulator(feed);
  const generator = new NotificationGenerator(feed, progress);
  const publishLimiter = new RateLimiter(options.postRateLimit ?? { maxRequests: 30, windowMs: 10_000 });
  const limiter = new RateLimiter(options.rateLimit ?? { maxRequests: 300, windowMs: 10_000 });
  const polls = new PollCounter();
  for (const sample of SAMPLE_NOTIFICATIONS.slice(0, 3)) feed.create(sample);

  const app = express();
  app.disable('x-powered-by');
  // Behind the class server (pnpm class) requests come from loopback, and X-Forwarded-For names the device.
  app.set('trust proxy', 'loopback');
  // Express would hash every body into an ETag of its own; the poll route makes its ETag from the feed's
  // version instead (poll-route.ts), which is cheaper and shows how it works.
  app.set('etag', false);
  app.use(allowOrigins(options.allowedOrigins));
  app.get('/', (_request, response) => {
    response.json({ endpoints: ['GET /api/notifications', 'POST /notifications', 'GET /stats'] });
  });
  app.get('/api/notifications', polls.track, rateLimit(limiter), createPollRoute(feed));
  app.use(createNotificationsRouter(feed, progress, publishLimiter));
  app.get('/stats', async (_request, response) => {
    response.json({
      polls: polls.counts,
      notificationsCreated: feed.createdCount,
      openConnections: await countConnections(httpServer),
      rateLimitedClients: limiter.clientCount,
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
        generator.start();
        resolve(httpServer.address() as AddressInfo);
      });
    });
  }

  function close(): Promise<void> {
    generator.stop();
    progress.stop();
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      // Idle keep-alive connections would hold the port for seconds; close them so it is freed now.
      httpServer.closeAllConnections();
    });
  }

  return { feed, httpServer, listen, close };
}

function countConnections(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.getConnections((error, count) => resolve(error ? -1 : count));
  });
}
