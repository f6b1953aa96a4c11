import type { ModerationAction } from '../protocol/messages';
import { MAX_MESSAGE_LENGTH, MAX_USERNAME_LENGTH, shorten } from './chat-input';
import { MAX_SLOW_MODE_SECONDS } from './chat-moderation';

export type ModerationInputResult = { ok: true; value: ModerationAction } | { ok: false; error: string };

const ACTIONS = ['say', 'delete', 'clear', 'mute', 'unmute', 'slow'];

/** Checks a `POST /moderation` body and says exactly what is wrong with it. */
export function parseModerationInput(body: unknown): ModerationInputResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'Send a JSON object such as {"action": "clear"}.' };
  }
  const fields = body as Record<string, unknown>;
  switch (fields.action) {
    case 'say': {
      const message = readText(fields.message, 'message', MAX_MESSAGE_LENGTH);
      return message.ok ? { ok: true, value: { action: 'say', message: message.text } } : message;
    }
    case 'delete': {
      const id = readText(fields.id, 'id', 100);
      return id.ok ? { ok: true, value: { action: 'delete', id: id.text } } : id;
    }
    case 'clear':
      return { ok: true, value: { action: 'clear' } };
    case 'mute':
    case 'unmute': {
      const username = readText(fields.username, 'username', MAX_USERNAME_LENGTH);
      return username.ok ? { ok: true, value: { action: fields.action, username: username.text } } : username;
    }
    case 'slow': {
      const seconds = fields.seconds;
      if (
        typeof seconds !== 'number' ||
        !Number.isInteger(seconds) ||
        seconds < 0 ||
        seconds > MAX_SLOW_MODE_SECONDS
      ) {
        return {
          ok: false,
          error: `seconds must be a whole number from 0 (slow mode off) to ${MAX_SLOW_MODE_SECONDS}.`,
        };
      }
      return { ok: true, value: { action: 'slow', seconds } };
    }
    default:
      return {
        ok: false,
        error: `Unknown action ${JSON.stringify(shorten(String(fields.action)))}; one of ${ACTIONS.join(', ')}.`,
      };
  }
}

type TextResult = { ok: true; text: string } | { ok: false; error: string };

function readText(value: unknown, field: string, maxLength: number): TextResult {
  if (typeof value !== 'string' || value.trim() === '') {
    return { ok: false, error: `${field} must be a non-empty string.` };
  }
  if (value.trim().length > maxLength)
    return { ok: false, error: `${field} must be at most ${maxLength} characters.` };
  return { ok: true, text: value.trim() };
}
