import { createElement } from './dom';

// `timeStyle: 'medium'` includes seconds, which matter when messages arrive a second apart.
const TODAY: Intl.DateTimeFormatOptions = { timeStyle: 'medium' };
const ANOTHER_DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

/**
 * Formats an ISO 8601 time in the reader's own locale and time zone.
 * Today it shows only the time ("09:15:42" in German); other days also get the date.
 * A string that isn't a valid time is returned unchanged, so a bad value is visible instead of crashing.
 */
export function formatTime(iso: string, now: Date = new Date()): string {
  const date = parseTime(iso);
  if (!date) return iso;
  const options = isSameDay(date, now) ? TODAY : ANOTHER_DAY;
  // `undefined` means "the reader's locale": a German laptop shows 09:15:42, a US one 9:15:42 AM.
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

/** Creates `<time datetime="…">` showing the formatted time, with the exact ISO string for machines. */
export function createTimeElement(iso: string, now: Date = new Date()): HTMLTimeElement {
  const time = createElement('time', { text: formatTime(iso, now) });
  if (parseTime(iso)) time.dateTime = iso;
  return time;
}

function parseTime(iso: string): Date | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function isSameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}
