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
    // 🐨 TODO S2.2: encode the message once (encodeMessage) and send that frame to every stream.
  });

  const route: RequestHandler = (request, response) => {
    // 🐨 TODO S2.1: open the event stream, `const stream = openSseStream(request, response, options)`,
    //    instead of this placeholder answer.
    response.status(501).json({ error: 'Not implemented yet: start with TODO S2.1 in server/sse-chat.ts.' });

    // 💯 TODO S2.4: EventSource reconnects by itself and sends the id of the last event it got
    //    (request.get('Last-Event-ID')). If room.messagesAfter(that id) has what it missed, send only those
    //    messages (encodeMessage) instead of "chat.initial".
    // 🐨 TODO S2.1: send the "chat.initial" event: formatSseEvent with event "chat.initial", id room.lastId
    //    and the JSON of room.list() as data.

    // 🐨 TODO S2.2: add the stream to `streams`, and remove it again when it closes (stream.onClose).
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
