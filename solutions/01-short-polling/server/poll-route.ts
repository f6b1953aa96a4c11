import type { RequestHandler } from 'express';
import { etagFor, isUnchanged } from './etag';
import type { NotificationFeed } from './notification-feed';
import { parsePollQuery } from './poll-query';

/**
 * `GET /api/notifications`: the stored notifications as JSON, answered at once, every time. The server keeps
 * nothing per client; each page finds out by itself what is new since its last poll.
 */
// #region poll-route
export function createPollRoute(feed: NotificationFeed): RequestHandler {
  return (request, response) => {
    const query = parsePollQuery(request.query);
    if (!query.ok) {
      response.status(400).json({ error: query.error });
      return;
    }
    // A cache may keep the answer, but must ask us again (with If-None-Match) before it uses it.
    response.setHeader('Cache-Control', 'no-cache');

    const etag = etagFor(feed.version);
    response.setHeader('ETag', etag);
    if (isUnchanged(request.get('If-None-Match'), etag)) {
      // The client already has this version: status and headers only, no body.
      response.status(304).end();
      return;
    }
    response.json(feed.list(query.value.limit));
  };
}
// #endregion poll-route
