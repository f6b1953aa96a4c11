import type { BrokerMessage } from '../protocol/messages';
import { formatSseEvent } from './sse-frame';

/** What goes to many subscribers at once: a published message, or who joined or left a channel. */
type SharedMessage = Extract<BrokerMessage, { type: 'message' | 'presence' }>;

// A shared message is turned into text (and bytes) once per transport and reused for every subscriber.
const webSocketTexts = new WeakMap<SharedMessage, string>();
const webSocketBytes = new WeakMap<SharedMessage, Buffer>();
const sseFrames = new WeakMap<SharedMessage, string>();

/**
 * The text of one broker message on a WebSocket, e.g.
 *
 *   {"type":"message","channel":"ideas","id":"k3x9q1ab-42","event":"idea.created","data":{…}}
 */
export function encodeBrokerMessage(message: BrokerMessage): string {
  if (!isShared(message)) return JSON.stringify(message);
  return remember(webSocketTexts, message, () => JSON.stringify(message));
}

/** The same text as bytes: ws would otherwise copy the text into a new buffer for every subscriber. */
export function encodeBrokerMessageBytes(message: BrokerMessage): Buffer {
  if (!isShared(message)) return Buffer.from(encodeBrokerMessage(message));
  return remember(webSocketBytes, message, () => Buffer.from(encodeBrokerMessage(message)));
}

/**
 * The same message as one Server-Sent Event: the type is the event name, and published messages carry their
 * id, so a reconnecting EventSource sends it back as `Last-Event-ID`.
 */
export function encodeBrokerSseEvent(message: BrokerMessage): string {
  if (!isShared(message)) return formatSseEvent({ event: message.type, data: JSON.stringify(message) });
  return remember(sseFrames, message, () =>
    formatSseEvent({
      event: message.type,
      ...(message.type === 'message' ? { id: message.id } : {}),
      data: encodeBrokerMessage(message),
    }),
  );
}

function isShared(message: BrokerMessage): message is SharedMessage {
  return message.type === 'message' || message.type === 'presence';
}

function remember<Encoded>(
  cache: WeakMap<SharedMessage, Encoded>,
  message: SharedMessage,
  encode: () => Encoded,
): Encoded {
  let encoded = cache.get(message);
  if (encoded === undefined) {
    encoded = encode();
    cache.set(message, encoded);
  }
  return encoded;
}
