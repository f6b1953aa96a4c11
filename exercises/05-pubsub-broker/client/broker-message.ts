import type {
  BoardEventName,
  BoardEvents,
  BrokerMessage,
  BrokerMessageType,
  ChannelMessage,
} from '../protocol/messages';

/** One of the board's events, with `data` typed by its name: TypeScript narrows it once you check `event`. */
export type BoardEvent = {
  [Name in BoardEventName]: { event: Name; data: BoardEvents[Name] };
}[BoardEventName];

const MESSAGE_TYPES: readonly string[] = [
  'message',
  'subscribed',
  'unsubscribed',
  'presence',
  'history-lost',
  'error',
] satisfies BrokerMessageType[];

const BOARD_EVENTS: readonly string[] = ['idea.created', 'round.started', 'alert'] satisfies BoardEventName[];

/**
 * Reads one WebSocket message from the broker: JSON text with a known `type`.
 * Anything else is reported and skipped instead of breaking the page.
 */
export function readBrokerMessage(text: unknown): BrokerMessage | undefined {
  try {
    const value: unknown = JSON.parse(String(text));
    if (isObject(value) && typeof value.type === 'string' && MESSAGE_TYPES.includes(value.type)) {
      return value as BrokerMessage;
    }
  } catch {
    // Reported below, like any other message that is not a broker message.
  }
  console.warn('Ignored a broker message that is not JSON with a known "type":', text);
  return undefined;
}

/**
 * The board event inside a channel message, or `undefined` for an event this page does not know (a newer
 * app backend may publish more; the page skips those). `data` comes from our own app backend, as published.
 */
export function readBoardEvent(message: ChannelMessage): BoardEvent | undefined {
  if (!BOARD_EVENTS.includes(message.event) || !isObject(message.data)) {
    console.warn(`Ignored an unknown "${message.event}" event on channel "${message.channel}".`);
    return undefined;
  }
  // Checked: a known event name and an object as data. Its fields are trusted: our app backend published them.
  return message as BoardEvent;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
