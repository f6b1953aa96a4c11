import type { BrokerMessage, ChannelMessage } from '../protocol/messages';
import { formatSseEvent } from './sse-frame';

// A published message goes to many subscribers: it is turned into text once per transport and reused.
const webSocketTexts = new WeakMap<ChannelMessage, string>();
const sseFrames = new WeakMap<ChannelMessage, string>();

/**
 * The text of one broker message on a WebSocket, e.g.
 *
 *   {"type":"message","channel":"ideas","id":"k3x9q1ab-42","event":"idea.created","data":{…}}
 */
export function encodeBrokerMessage(message: BrokerMessage): string {
  if (message.type !== 'message') return JSON.stringify(message);
  return remember(webSocketTexts, message, () => JSON.stringify(message));
}

/**
 * The same message as one Server-Sent Event: the type is the event name, and published messages carry their
 * id, so a reconnecting EventSource sends it back as `Last-Event-ID`.
 */
export function encodeBrokerSseEvent(message: BrokerMessage): string {
  if (message.type !== 'message')
    return formatSseEvent({ event: message.type, data: JSON.stringify(message) });
  return remember(sseFrames, message, () =>
    formatSseEvent({ event: message.type, id: message.id, data: encodeBrokerMessage(message) }),
  );
}

function remember(
  cache: WeakMap<ChannelMessage, string>,
  message: ChannelMessage,
  encode: () => string,
): string {
  let text = cache.get(message);
  if (text === undefined) {
    text = encode();
    cache.set(message, text);
  }
  return text;
}
