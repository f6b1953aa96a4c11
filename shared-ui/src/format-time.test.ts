import { describe, expect, it } from 'vitest';
import { createTimeElement, formatTime } from './format-time';

// Built from local date parts, so "today" is today in whatever time zone the tests run.
const now = new Date(2026, 10, 29, 12, 0, 0);
const thisMorning = new Date(2026, 10, 29, 9, 15, 42);
const yesterday = new Date(2026, 10, 28, 9, 15, 42);

describe('formatTime', () => {
  it('shows only the time, with seconds, for today', () => {
    const text = formatTime(thisMorning.toISOString(), now);

    expect(text, 'minutes and seconds are shown').toMatch(/15\D42/);
    expect(text, 'no date for today').not.toContain('2026');
  });

  it("formats in the reader's locale, exactly like the browser's own toLocaleTimeString()", () => {
    // A hard-coded locale such as 'de-DE' would fail here on any machine set to another language.
    expect(formatTime(thisMorning.toISOString(), now)).toBe(thisMorning.toLocaleTimeString());
  });

  it('adds the date for other days', () => {
    const text = formatTime(yesterday.toISOString(), now);

    expect(text, 'the year is shown').toContain('2026');
    expect(text, "the date in the reader's locale").toContain(
      yesterday.toLocaleDateString(undefined, { dateStyle: 'medium' }),
    );
    expect(text, 'the time is still shown').toMatch(/15\D42/);
  });

  it.each(['not a time', '', '2026-13-45T99:99:99Z'])(
    'returns the unparseable string %j unchanged',
    (raw) => {
      expect(formatTime(raw, now)).toBe(raw);
    },
  );
});

describe('createTimeElement', () => {
  it('puts the ISO string in the datetime attribute and the formatted time in the text', () => {
    const iso = thisMorning.toISOString();

    const time = createTimeElement(iso, now);

    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe(iso);
    expect(time.textContent).toBe(formatTime(iso, now));
  });

  it('shows an invalid time as raw text, without a datetime attribute', () => {
    const time = createTimeElement('yesterday-ish', now);

    expect(time.textContent).toBe('yesterday-ish');
    expect(time.hasAttribute('datetime'), 'an invalid datetime would mislead machines').toBe(false);
  });

  it('shows HTML in the time as text', () => {
    const time = createTimeElement('<img src=x onerror=alert(1)>', now);

    expect(time.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(time.children).toHaveLength(0);
  });
});
