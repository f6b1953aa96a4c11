import type { ClientEnvelope, ServerEventName, ServerEvents } from '../protocol/messages';
import { parseChatInput, shorten } from './chat-input';

export type DecodeResult = { ok: true; envelope: ClientEnvelope } | { ok: false; error: string };

const EXAMPLE = '{"event": "chat", "data": {"username": "…", "message": "…"}}';

/**
 * Encodes one server event as the text of a WebSocket message:
 *
 *   {"event":"chat.message","data":{"id":"…","username":"Ada","message":"Hi!","timestamp":"…"}}
 */
export function encodeServerEnvelope<Name extends ServerEventName>(
  event: Name,
  data: ServerEvents[Name],
): string {
  return JSON.stringify({ event, data });
}

/**
 * Reads the text of a WebSocket message from a client. Anything a client may send ends up here, so this
 * never throws: it returns the envelope, or a reason the server sends back in an `error` event.
 */
export function decodeClientEnvelope(text: string): DecodeResult {
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
  const unknownField = Object.keys(fields).find((key) => key !== 'event' && key !== 'data');
  if (unknownField !== undefined) {
    return {
      ok: false,
      error: `Unknown field "${shorten(unknownField)}"; an envelope has only event and data.`,
    };
  }
  if (typeof fields.event !== 'string') {
    return { ok: false, error: `event must be a string. Send ${EXAMPLE}.` };
  }

  switch (fields.event) {
    case 'chat': {
      const input = parseChatInput(fields.data);
      if (!input.ok) return input;
      return { ok: true, envelope: { event: 'chat', data: input.value } };
    }
    default:
      return { ok: false, error: `Unknown event "${shorten(fields.event)}"; a client can send "chat".` };
  }
}
