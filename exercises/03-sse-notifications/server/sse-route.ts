import type { NotificationFeed } from './notification-feed';
import { openSseStream, type SseRoute, type SseStreamOptions } from './sse-stream';

/** `GET /sse`: the initial list, then every new notification and update, live. */
// #region sse-route
export function createSseRoute(feed: NotificationFeed, options: SseStreamOptions): SseRoute {
  return (request, response) => {
    const stream = openSseStream(request, response, options);

    // 💯 TODO 2.8: a reconnecting browser sends the header Last-Event-ID. If feed.framesAfter(it) has
    //    the frames it missed, send those instead of the initial list.
    // 🐨 TODO 2.4: send the initial list of notifications (feed.initialFrame()).

    // 🐨 TODO 2.5: send every new frame to this client (feed.subscribe), and unsubscribe when the
    //    stream closes, so no listener is left behind.
  };
}
// #endregion sse-route
