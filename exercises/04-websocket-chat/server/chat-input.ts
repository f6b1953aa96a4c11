import type { ChatInput } from '../protocol/messages';

export type ChatInputResult = { ok: true; value: ChatInput } | { ok: false; error: string };

export const MAX_USERNAME_LENGTH = 40;
export const MAX_MESSAGE_LENGTH = 1000;
const ALLOWED_FIELDS = new Set(['username', 'message']);

/**
 * Checks what a client wants to post and says exactly what is wrong with it. Used for the `chat` event
 * over WebSocket and for `POST /messages`, so both ways in accept the same messages.
 */
export function parseChatInput(data: unknown): ChatInputResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      error: 'A chat message must be a JSON object like {"username": "…", "message": "…"}.',
    };
  }
  const fields = data as Record<string, unknown>;
  const unknownField = Object.keys(fields).find((key) => !ALLOWED_FIELDS.has(key));
  if (unknownField !== undefined) {
    return {
      ok: false,
      error: `Unknown field "${shorten(unknownField)}"; a chat message has only username and message.`,
    };
  }

  const username = readText(fields.username, 'username', MAX_USERNAME_LENGTH);
  if (!username.ok) return username;
  // A name is shown on one line; a line break in it could make a message look like two.
  if (/[\r\n]/.test(username.text)) return { ok: false, error: 'username must be on one line.' };
  const message = readText(fields.message, 'message', MAX_MESSAGE_LENGTH);
  if (!message.ok) return message;

  return { ok: true, value: { username: username.text, message: message.text } };
}

type TextResult = { ok: true; text: string } | { ok: false; error: string };

function readText(value: unknown, field: string, maxLength: number): TextResult {
  if (typeof value !== 'string') return { ok: false, error: `${field} must be a string.` };
  const text = value.trim();
  if (text === '') return { ok: false, error: `${field} must not be empty.` };
  if (text.length > maxLength) {
    return { ok: false, error: `${field} must be at most ${maxLength} characters, got ${text.length}.` };
  }
  return { ok: true, text };
}

/** Error messages quote what the client sent; a few characters are enough to recognise it. */
export function shorten(text: string, maxLength = 40): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}…`;
}
