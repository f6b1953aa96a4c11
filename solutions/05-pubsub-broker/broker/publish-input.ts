import type { PublishRequest } from '../protocol/messages';
import { CHANNEL_NAME_RULE, isChannelName, shorten } from './channel-name';
import { jsonDepth, MAX_DATA_DEPTH } from './json-depth';

export type PublishInputResult = { ok: true; value: PublishRequest } | { ok: false; error: string };

const EVENT_NAME = /^[A-Za-z0-9._:-]{1,64}$/;
const ALLOWED_FIELDS = new Set(['channel', 'event', 'data']);
const EXAMPLE = '{"channel": "ideas", "event": "idea.created", "data": {…}}';

/** Checks a `POST /publish` body and says exactly what is wrong with it. */
export function parsePublishRequest(body: unknown): PublishInputResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: `Publish a JSON object like ${EXAMPLE}.` };
  }
  const fields = body as Record<string, unknown>;
  const unknownField = Object.keys(fields).find((key) => !ALLOWED_FIELDS.has(key));
  if (unknownField !== undefined) {
    return { ok: false, error: `Unknown field "${shorten(unknownField)}"; send channel, event and data.` };
  }
  if (!isChannelName(fields.channel)) {
    return { ok: false, error: `channel must be a string: ${CHANNEL_NAME_RULE}.` };
  }
  if (typeof fields.event !== 'string' || !EVENT_NAME.test(fields.event)) {
    return {
      ok: false,
      error: 'event must be a name of 1–64 letters, digits or . _ : -, e.g. "idea.created".',
    };
  }
  if (!('data' in fields)) {
    return { ok: false, error: `data is missing; send any JSON value, e.g. ${EXAMPLE}.` };
  }
  if (jsonDepth(fields.data) > MAX_DATA_DEPTH) {
    return { ok: false, error: `data may nest objects and arrays at most ${MAX_DATA_DEPTH} levels deep.` };
  }
  return { ok: true, value: { channel: fields.channel, event: fields.event, data: fields.data } };
}
