import { appendMessage, removeMessages } from '@realtime-workshop/shared-ui';
import type { ChatMessage, ServerEnvelope, ServerEventName, ServerEvents } from '../protocol/messages';

// Ids already on the page. After a reconnect `chat.initial` brings the whole history again; only what is
// new gets appended, so no message is ever shown twice.
const shownIds = new Set<string>();

/** `chat.initial`: every stored message, oldest first; the ones already on the page are skipped. */
export function showHistory(messages: ChatMessage[]): void {
  for (const message of messages) showMessage(message);
}

/**
 * `chat.message`: appends the message at the bottom, unless it is already on the page. A notice of the
 * instructor (class server) may take earlier messages out of the chat: they leave the page too.
 */
export function showMessage(message: ChatMessage): void {
  if (shownIds.has(message.id)) return;
  shownIds.add(message.id);
  if (message.removes) removeMessages(message.removes);
  appendMessage(message.username, message.message, message.timestamp, message.id);
}

/** Reads a WebSocket message; one that is no envelope is reported and skipped instead of breaking the page. */
export function readServerEnvelope(text: unknown): ServerEnvelope | undefined {
  try {
    const value: unknown = JSON.parse(String(text));
    if (typeof value === 'object' && value !== null && 'event' in value && 'data' in value) {
      return value as ServerEnvelope;
    }
  } catch {
    // Reported below, like any other message that is not an envelope.
  }
  console.warn('Ignored a WebSocket message that is not {"event": …, "data": …}:', text);
  return undefined;
}

/** SSE variant: parses an event's JSON; a malformed event is reported and skipped. */
export function readData<Name extends ServerEventName>(
  name: Name,
  data: string,
): ServerEvents[Name] | undefined {
  try {
    return JSON.parse(data) as ServerEvents[Name];
  } catch {
    console.warn(`Ignored a "${name}" event whose data is not JSON:`, data);
    return undefined;
  }
}
