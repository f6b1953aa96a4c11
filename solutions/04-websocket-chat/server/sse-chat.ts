import type { RequestHandler } from 'express';
import type { ChatMessage } from '../protocol/messages';
import type { ChatRoom } from './chat-room';
import { formatSseEvent } from './sse-frame';
import { openSseStream, type SseStream, type SseStreamOptions } from './sse-stream';

/** The chat's SSE variant: server → client over an event stream, client → server with `POST /messages`. */
export interface SseChat {
  /** `GET /events`: `chat.initial`, then every new message as `chat.message`. */
  readonly route: RequestHandler;
  /** Open event streams right now. */
  readonly streamCount: number;
  /** Stops listening to the room; the streams themselves end when the HTTP server closes. */
  close(): void;
}

/** Serves the same events as the WebSocket endpoint, with `id:` so that a reconnecting browser can resume. */
export function createSseChat(room: ChatRoom, options: SseStreamOptions): SseChat {
  const streams = new Set<SseStream>();

  const unsubscribe = room.subscribe((message) => {
    // Encoded once: every stream gets the very same text, however many there are.
    const frame = encodeMessage(message);
    for (const stream of streams) stream.send(frame);
  });

  const route: RequestHandler = (request, response) => {
    const stream = openSseStream(request, response, options);

    // EventSource reconnects by itself and sends the id of the last event it got. Send only what it
    // missed; if the room no longer reaches back that far (or the id is from before a restart), start over.
    const lastEventId = request.get('Last-Event-ID');
    const missed = lastEventId ? room.messagesAfter(lastEventId) : undefined;
    if (missed) {
      for (const message of missed) stream.send(encodeMessage(message));
    } else {
      stream.send(
        formatSseEvent({ event: 'chat.initial', id: room.lastId, data: JSON.stringify(room.list()) }),
      );
    }

    streams.add(stream);
    stream.onClose(() => streams.delete(stream));
  };

  return {
    route,
    get streamCount() {
      return streams.size;
    },
    close: unsubscribe,
  };
}

function encodeMessage(message: ChatMessage): string {
  return formatSseEvent({ event: 'chat.message', id: message.id, data: JSON.stringify(message) });
}
