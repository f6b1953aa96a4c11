import type { Notification } from '../protocol/messages';

/** What `POST /notifications` accepts. */
export type NotificationInput = Pick<Notification, 'title' | 'message' | 'type'>;

export type InputResult = { ok: true; value: NotificationInput } | { ok: false; error: string };

export const MAX_TITLE_LENGTH = 120;
export const MAX_MESSAGE_LENGTH = 1000;
const ALLOWED_FIELDS = new Set(['title', 'message', 'type']);

/** Checks a request body and says exactly what is wrong with it. */
export function parseNotificationInput(body: unknown): InputResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The body must be a JSON object like {"title": "…", "message": "…"}.' };
  }
  const fields = body as Record<string, unknown>;
  const unknownField = Object.keys(fields).find((key) => !ALLOWED_FIELDS.has(key));
  if (unknownField) {
    return { ok: false, error: `Unknown field "${unknownField}"; allowed are title, message and type.` };
  }

  const title = readText(fields.title, 'title', MAX_TITLE_LENGTH);
  if (!title.ok) return title;
  const message = readText(fields.message, 'message', MAX_MESSAGE_LENGTH);
  if (!message.ok) return message;
  if (fields.type !== undefined && fields.type !== 'progress') {
    return { ok: false, error: 'type must be "progress" or left out.' };
  }

  const value: NotificationInput = { title: title.text, message: message.text };
  if (fields.type === 'progress') value.type = 'progress';
  return { ok: true, value };
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
