import type { RequestHandler } from 'express';
import type { Change, ChangesAnswer, InitialAnswer } from '../protocol/messages';
import type { HeldRequests } from './held-requests';
import type { NotificationFeed } from './notification-feed';
import { parseUpdatesQuery } from './updates-query';

/**
 * `GET /api/notifications/updates?since=<cursor>`: everything that happened after the cursor, at once if
 * there is something, else as soon as it happens. Without `since`: the whole list and a first cursor.
 */
export function createUpdatesRoute(feed: NotificationFeed, heldRequests: HeldRequests): RequestHandler {
  return (request, response) => {
    const query = parseUpdatesQuery(request.query);
    if (!query.ok) {
      response.status(400).json({ error: query.error });
      return;
    }
    // Every answer is about this moment; a cached one would show the past.
    response.setHeader('Cache-Control', 'no-store');
    const { since } = query;

    // 🐨 TODO 2.1: the first request (no `since`): answer with the whole list, initialAnswer(feed).
    // 🐨 TODO 2.2: feed.changesAfter(since) lists what happened after the client's cursor. If that is
    //    something, answer at once with all of it: changesAnswer(feed.cursor, changes).
    // 💯 TODO 2.7 (bonus): feed.changesAfter(since) is `undefined` when its log no longer reaches back to
    //    the cursor (too old, or from before a server restart). Answer with initialAnswer(feed) then, so
    //    the client starts over instead of waiting for changes it can never get.
    // 🐨 TODO 2.3: nothing new yet: hold the request (heldRequests.hold(response)). Answer it on the next
    //    change (feed.subscribe: the listener gets that change; answer with changesAnswer(feed.cursor,
    //    [change])), and unsubscribe when the request ends (held.onEnd), or every closed tab leaves a
    //    listener behind. Then delete the placeholder answer below.
    response.status(501).json({ error: 'Not implemented yet: see the TODOs in server/updates-route.ts.' });
  };
}

function initialAnswer(feed: NotificationFeed): InitialAnswer {
  return { kind: 'initial', cursor: feed.cursor, notifications: feed.list() };
}

function changesAnswer(cursor: string, changes: Change[]): ChangesAnswer {
  return { kind: 'changes', cursor, changes };
}
