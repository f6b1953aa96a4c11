import type { RoundPhase } from '../protocol/messages';

export type InputResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const MAX_NAME_LENGTH = 40;
export const MAX_IDEA_LENGTH = 280;
export const MAX_ALERT_LENGTH = 200;
const PHASES: readonly RoundPhase[] = ['ideas', 'pair', 'share'];

/** `{ "name": "Ada" }`: one line, 1–40 characters. */
export function parseSessionRequest(body: unknown): InputResult<{ name: string }> {
  const field = readOnlyField(body, 'name', '{"name": "Ada"}');
  if (!field.ok) return field;
  const name = readText(field.value, 'name', MAX_NAME_LENGTH);
  if (!name.ok) return name;
  // A name is shown on one line; a line break in it could make it look like two people.
  if (/[\r\n]/.test(name.value)) return { ok: false, error: 'name must be on one line.' };
  return { ok: true, value: { name: name.value } };
}

/** `{ "text": "…" }`: 1–280 characters. */
export function parseIdeaInput(body: unknown): InputResult<{ text: string }> {
  const field = readOnlyField(body, 'text', '{"text": "A live quiz after each lecture"}');
  if (!field.ok) return field;
  const text = readText(field.value, 'text', MAX_IDEA_LENGTH);
  return text.ok ? { ok: true, value: { text: text.value } } : text;
}

/** `{ "text": "…" }`: 1–200 characters. */
export function parseAlertInput(body: unknown): InputResult<{ text: string }> {
  const field = readOnlyField(body, 'text', '{"text": "Two minutes left!"}');
  if (!field.ok) return field;
  const text = readText(field.value, 'text', MAX_ALERT_LENGTH);
  return text.ok ? { ok: true, value: { text: text.value } } : text;
}

/** `{ "phase": "ideas" | "pair" | "share" }`. */
export function parseRoundInput(body: unknown): InputResult<{ phase: RoundPhase }> {
  const field = readOnlyField(body, 'phase', '{"phase": "ideas"}');
  if (!field.ok) return field;
  const phase = PHASES.find((candidate) => candidate === field.value);
  if (!phase) return { ok: false, error: `phase must be one of ${PHASES.map((p) => `"${p}"`).join(', ')}.` };
  return { ok: true, value: { phase } };
}

/** The body must be an object with exactly this one field. */
function readOnlyField(body: unknown, name: string, example: string): InputResult<unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: `Send a JSON object like ${example}.` };
  }
  const fields = body as Record<string, unknown>;
  const unknownField = Object.keys(fields).find((key) => key !== name);
  if (unknownField !== undefined) {
    return {
      ok: false,
      error: `Unknown field "${shorten(unknownField)}"; send only ${name}, like ${example}.`,
    };
  }
  return { ok: true, value: fields[name] };
}

function readText(value: unknown, field: string, maxLength: number): InputResult<string> {
  if (typeof value !== 'string') return { ok: false, error: `${field} must be a string.` };
  const text = value.trim();
  if (text === '') return { ok: false, error: `${field} must not be empty.` };
  if (text.length > maxLength) {
    return { ok: false, error: `${field} must be at most ${maxLength} characters, got ${text.length}.` };
  }
  return { ok: true, value: text };
}

function shorten(text: string, maxLength = 40): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}…`;
}
