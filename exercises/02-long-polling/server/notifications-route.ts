import express, { type Router } from 'express';
import type { NotificationFeed } from './notification-feed';
import { parseNotificationInput } from './notification-input';
import type { ProgressSimulator } from './progress-simulator';
import { type RateLimiter, rateLimit } from './rate-limit';

/** Bodies larger than this get 413: a notification is a few lines of text. */
const MAX_BODY_SIZE = '16kb';

/**
 * `GET /notifications` lists what is stored; `POST /notifications` publishes one at once, e.g.
 * `curl -X POST localhost:3000/notifications -H 'Content-Type: application/json' -d '{"title":"Hi","message":"Live!"}'`
 */
export function createNotificationsRouter(
  feed: NotificationFeed,
  progress: ProgressSimulator,
  publishLimiter: RateLimiter,
): Router {
  const router = express.Router();

  router.get('/notifications', (_request, response) => {
    response.json(feed.list());
  });

  // Counted before the body is read: a script in a loop costs us a counter, not a parsed body.
  router.post(
    '/notifications',
    rateLimit(publishLimiter, 'notifications'),
    express.json({ limit: MAX_BODY_SIZE }),
    (request, response) => {
      if (!request.is('application/json')) {
        response
          .status(415)
          .json({ error: 'Send the notification as JSON with Content-Type: application/json.' });
        return;
      }
      const input = parseNotificationInput(request.body);
      if (!input.ok) {
        response.status(400).json({ error: input.error });
        return;
      }
      const notification = feed.create(input.value);
      if (notification.type === 'progress') progress.start(notification);
      response.status(201).json(notification);
    },
  );

  return router;
}
