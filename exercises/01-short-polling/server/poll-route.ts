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

    // 💯 TODO 2.3 (bonus): set the ETag header to etagFor(feed.version). If the request's If-None-Match still
    //    matches it (isUnchanged), the client has this version already: answer 304 without a body, and stop.
    //    📜 https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/304
    // 🐨 TODO 2.1: answer with the stored notifications as JSON (feed.list(query.value.limit)), and delete
    //    the placeholder answer below.
    //    📜 https://expressjs.com/en/5x/api.html#res.json
    response.status(501).json({ error: 'Not implemented yet: start with TODO 2.1 in server/poll-route.ts.' });
  };
}
// #endregion poll-route
