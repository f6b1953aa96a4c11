import type { NotificationFeed } from './notification-feed';
import { openSseStream, type SseRoute, type SseStreamOptions } from './sse-stream';

/** `GET /sse`: the initial list, then every new notification and update, live. */
// #region sse-route
export function createSseRoute(feed: NotificationFeed, options: SseStreamOptions): SseRoute {
  return (request, response) => {
    const stream = openSseStream(request, response, options);

    // A reconnecting browser tells us the last event it saw; resume from there if we still can.
    const lastEventId = request.headers['last-event-id'];
    const missedFrames = typeof lastEventId === 'string' ? feed.framesAfter(lastEventId) : undefined;
    if (missedFrames) {
      for (const frame of missedFrames) stream.send(frame);
    } else {
      stream.send(feed.initialFrame());
    }

    const unsubscribe = feed.subscribe(stream.send);
    stream.onClose(unsubscribe);
  };
}
// #endregion sse-route
