/** Channel names: letters, digits and `. _ : -`, 1 to 64 characters, e.g. `ideas` or `course:42:chat`. */
const CHANNEL_NAME = /^[A-Za-z0-9._:-]{1,64}$/;

export function isChannelName(value: unknown): value is string {
  return typeof value === 'string' && CHANNEL_NAME.test(value);
}

/** Error messages quote what the client sent; a few characters are enough to recognise it. */
export function shorten(text: string, maxLength = 40): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength)}…`;
}

export const CHANNEL_NAME_RULE = 'a channel name is 1–64 letters, digits or . _ : -';
