import type { SubscriberCommand } from '../protocol/messages';
import { CHANNEL_NAME_RULE, isChannelName, shorten } from './channel-name';
import { parseMessageId } from './message-id';

export type CommandResult = { ok: true; command: SubscriberCommand } | { ok: false; error: string };

const EXAMPLE = '{"type": "subscribe", "channel": "ideas"}';

/**
 * Reads the text of a WebSocket message from a subscriber. Anything a client may send ends up here, so this
 * never throws: it returns the command, or a reason the broker sends back in an `error` message.
 */
export function decodeSubscriberCommand(text: string): CommandResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `The message is not valid JSON. Send ${EXAMPLE}.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `The message must be a JSON object like ${EXAMPLE}.` };
  }
  const fields = value as Record<string, unknown>;
  if (fields.type !== 'subscribe' && fields.type !== 'unsubscribe') {
    const got = typeof fields.type === 'string' ? `"${shorten(fields.type)}"` : 'no type';
    return { ok: false, error: `Unknown type ${got}; send "subscribe" or "unsubscribe".` };
  }
  const allowed = fields.type === 'subscribe' ? ['type', 'channel', 'since'] : ['type', 'channel'];
  const unknownField = Object.keys(fields).find((key) => !allowed.includes(key));
  if (unknownField !== undefined) {
    return {
      ok: false,
      error: `Unknown field "${shorten(unknownField)}"; ${fields.type} takes ${allowed.join(', ')}.`,
    };
  }
  if (!isChannelName(fields.channel)) {
    return { ok: false, error: `channel must be a string: ${CHANNEL_NAME_RULE}.` };
  }
  if (fields.type === 'unsubscribe')
    return { ok: true, command: { type: 'unsubscribe', channel: fields.channel } };
  if (fields.since === undefined)
    return { ok: true, command: { type: 'subscribe', channel: fields.channel } };
  if (typeof fields.since !== 'string' || !parseMessageId(fields.since)) {
    return { ok: false, error: 'since must be the id of a message you received, e.g. "k3x9q1ab-42".' };
  }
  return { ok: true, command: { type: 'subscribe', channel: fields.channel, since: fields.since } };
}
