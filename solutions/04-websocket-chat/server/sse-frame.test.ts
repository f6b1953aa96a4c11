import { describe, expect, it } from 'vitest';
import { formatSseComment, formatSseEvent, formatSseRetry } from './sse-frame';

describe('Bonus · SSE variant · formatSseEvent', () => {
  it('writes id, event and data fields and ends with a blank line', () => {
    const frame = formatSseEvent({ event: 'notification', id: '7', data: '{"a":1}' });
    expect(frame).toBe('id: 7\nevent: notification\ndata: {"a":1}\n\n');
  });

  it('splits a multi-line payload into one data field per line (LF, CR and CRLF)', () => {
    const frame = formatSseEvent({ event: 'x', id: '1', data: 'one\ntwo\r\nthree\rfour' });
    expect(frame).toBe('id: 1\nevent: x\ndata: one\ndata: two\ndata: three\ndata: four\n\n');
  });

  it('keeps an empty payload as one empty data field, so the event is still dispatched', () => {
    expect(formatSseEvent({ event: 'x', id: '1', data: '' })).toBe('id: 1\nevent: x\ndata: \n\n');
  });

  it('refuses a line break in the event name or id, which would corrupt the stream', () => {
    expect(() => formatSseEvent({ event: 'a\nb', id: '1', data: '' })).toThrow(/event/);
    expect(() => formatSseEvent({ event: 'a', id: '1\r', data: '' })).toThrow(/id/);
  });
});

describe('Bonus · SSE variant · formatSseRetry', () => {
  it('writes the reconnection delay in milliseconds', () => {
    expect(formatSseRetry(2000)).toBe('retry: 2000\n\n');
  });

  it('refuses values that are not ASCII digits on the wire', () => {
    expect(() => formatSseRetry(1.5)).toThrow(TypeError);
    expect(() => formatSseRetry(-1)).toThrow(TypeError);
  });
});

describe('Bonus · SSE variant · formatSseComment', () => {
  it('writes a comment line that clients ignore', () => {
    expect(formatSseComment('keep-alive')).toBe(': keep-alive\n\n');
  });
});
