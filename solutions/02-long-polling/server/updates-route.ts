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

    if (since === undefined) {
      response.json(initialAnswer(feed));
      return;
    }

    const changes = feed.changesAfter(since);
    // The log no longer reaches back to this cursor (too old, or from before a restart): start over
    // with the whole list, instead of letting the client miss what dropped out.
    if (changes === undefined) {
      response.json(initialAnswer(feed));
      return;
    }
    // Something happened since the client's last answer: send all of it at once, in order.
    if (changes.length > 0) {
      response.json(changesAnswer(feed.cursor, changes));
      return;
    }

    // Nothing new yet: hold the request. The next change answers it (a held client is up to date, so
    // that change is all it missed); if none comes in time, it gets 204.
    const held = heldRequests.hold(response);
    const unsubscribe = feed.subscribe((change) => held.answer(changesAnswer(feed.cursor, [change])));
    held.onEnd(unsubscribe);
  };
}

function initialAnswer(feed: NotificationFeed): InitialAnswer {
  return { kind: 'initial', cursor: feed.cursor, notifications: feed.list() };
}

function changesAnswer(cursor: string, changes: Change[]): ChangesAnswer {
  return { kind: 'changes', cursor, changes };
}
