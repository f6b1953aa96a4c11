import { describe, expect, it } from 'vitest';
import { type ServerSentEvent, SseParser } from './sse-parser';

/** Pushes the chunks one by one and records everything the parser reports. */
function parse(...chunks: string[]) {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser({
    onEvent: (event) => events.push(event),
    onRetry: (milliseconds) => retries.push(milliseconds),
  });
  for (const chunk of chunks) {
    parser.push(chunk);
  }
  return { events, retries, parser };
}

function dataOf(events: ServerSentEvent[]): string[] {
  return events.map((event) => event.data);
}

describe('Bonus · SseParser: line ends', () => {
  it('ends lines with LF', () => {
    expect(dataOf(parse('data: a\n\ndata: b\n\n').events)).toEqual(['a', 'b']);
  });

  it('ends lines with CR', () => {
    expect(dataOf(parse('data: a\r\rdata: b\r\r').events)).toEqual(['a', 'b']);
  });

  it('ends lines with CRLF, counting the pair as one line end', () => {
    // If CRLF counted as two line ends, "data: a" would be dispatched on its own.
    expect(dataOf(parse('data: a\r\ndata: b\r\n\r\n').events)).toEqual(['a\nb']);
  });

  it('treats a CR at the end of one push and a LF at the start of the next as one line end', () => {
    expect(dataOf(parse('data: a\r', '\ndata: b\r', '\n\r', '\n').events)).toEqual(['a\nb']);
  });

  it('puts a long line together from many small chunks', () => {
    const long = 'x'.repeat(100_000);
    const chunks = ['data: '];
    for (let start = 0; start < long.length; start += 64) chunks.push(long.slice(start, start + 64));
    chunks.push('\r', '\n', '\n');
    expect(dataOf(parse(...chunks).events)).toEqual([long]);
  });

  it('does not wait for the next push when a chunk ends in CR', () => {
    // The CR already ends the line, so the event must be out before a possible LF arrives.
    expect(dataOf(parse('data: a\r\r').events)).toEqual(['a']);
  });

  it('keeps a CR waiting for its LF across an empty push', () => {
    expect(dataOf(parse('data: a\r', '', '\ndata: b\n\n').events)).toEqual(['a\nb']);
  });
});

describe('Bonus · SseParser: byte order mark', () => {
  it('drops a BOM at the very start of the stream', () => {
    expect(parse('\uFEFFdata: a\n\n').events).toEqual([{ type: 'message', data: 'a', lastEventId: '' }]);
  });

  it('drops a BOM that arrives as a chunk of its own', () => {
    expect(dataOf(parse('\uFEFF', 'data: a\n\n').events)).toEqual(['a']);
  });

  it('keeps a BOM anywhere else, where it makes the field name unknown', () => {
    const { events } = parse('data: a\n\n', '\uFEFFdata: b\n\n');
    expect(dataOf(events)).toEqual(['a']);
  });

  it('drops only one BOM', () => {
    expect(parse('\uFEFF\uFEFFdata: a\n\n').events).toEqual([]);
  });
});

describe('Bonus · SseParser: lines and fields', () => {
  it('ignores comment lines', () => {
    expect(dataOf(parse(': keep-alive\ndata: a\n:data: b\n\n').events)).toEqual(['a']);
  });

  it('does not dispatch anything for a comment followed by a blank line', () => {
    expect(parse(': keep-alive\n\n').events).toEqual([]);
  });

  it('reads a line without a colon as a field name with an empty value', () => {
    // "data" alone adds an empty line to the data, so the event is dispatched with data "".
    expect(dataOf(parse('data\n\n').events)).toEqual(['']);
    expect(dataOf(parse('data\ndata\n\n').events)).toEqual(['\n']);
  });

  it('strips exactly one space after the colon', () => {
    expect(dataOf(parse('data: a\n\n', 'data:  b\n\n', 'data:c\n\n').events)).toEqual(['a', ' b', 'c']);
  });

  it('keeps everything after the first colon in the value', () => {
    expect(dataOf(parse('data: {"time":"09:15"}\n\n').events)).toEqual(['{"time":"09:15"}']);
  });

  it('joins several data lines with LF', () => {
    expect(dataOf(parse('data: one\ndata: two\ndata:\ndata: four\n\n').events)).toEqual(['one\ntwo\n\nfour']);
  });

  it('ignores unknown fields', () => {
    const { events, retries } = parse('foo: bar\nData: x\ndata: a\nfoo\n\n');
    expect(events).toEqual([{ type: 'message', data: 'a', lastEventId: '' }]);
    expect(retries).toEqual([]);
  });

  it('reassembles a field whose name and value are split across pushes', () => {
    const { events } = parse('ev', 'ent: up', 'date\nda', 'ta', ': he', 'llo\n', '\n');
    expect(events).toEqual([{ type: 'update', data: 'hello', lastEventId: '' }]);
  });
});

describe('Bonus · SseParser: dispatching', () => {
  it('does not dispatch an event without data, but still resets the event type', () => {
    const { events } = parse('event: ping\n\ndata: a\n\n');
    expect(events).toEqual([{ type: 'message', data: 'a', lastEventId: '' }]);
  });

  it('uses "message" as the default type and resets the type after each event', () => {
    const { events } = parse('event: notification\ndata: a\n\ndata: b\n\n');
    expect(events.map((event) => event.type)).toEqual(['notification', 'message']);
  });

  it('treats an empty event field like no event field', () => {
    expect(parse('event:\ndata: a\n\n').events[0]?.type).toBe('message');
  });

  it('does not dispatch an event that the stream never finished with a blank line', () => {
    const { events } = parse('data: a\n\ndata: b\n');
    expect(dataOf(events)).toEqual(['a']);
  });
});

describe('Bonus · SseParser: id', () => {
  it('keeps the last id for later events without an id field', () => {
    const { events } = parse('id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n');
    expect(events.map((event) => event.lastEventId)).toEqual(['1', '1', '2']);
  });

  it('resets the id to empty when the id field has an empty value', () => {
    const { events } = parse('id: 1\ndata: a\n\nid\ndata: b\n\nid: 2\ndata: c\n\nid:\ndata: d\n\n');
    expect(events.map((event) => event.lastEventId)).toEqual(['1', '', '2', '']);
  });

  it('ignores an id that contains NULL', () => {
    const { events } = parse('id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n');
    expect(events.map((event) => event.lastEventId)).toEqual(['1', '1']);
  });

  it('reports the id of the last dispatched event through the lastEventId getter', () => {
    const { parser } = parse('id: 7\ndata: a\n\n');
    expect(parser.lastEventId).toBe('7');
  });

  it('moves lastEventId on with an event that has an id but no data', () => {
    const { events, parser } = parse('id: 7\ndata: a\n\nid: 8\n\n');
    expect(events).toHaveLength(1);
    expect(parser.lastEventId).toBe('8');
  });

  it('does not move lastEventId on before the blank line that ends the event', () => {
    const { parser } = parse('id: 7\ndata: a\n\nid: 8\ndata: b\n');
    expect(parser.lastEventId).toBe('7');
  });

  it('starts from the lastEventId it is given, so a reconnecting client keeps its place', () => {
    const events: ServerSentEvent[] = [];
    const parser = new SseParser({ onEvent: (event) => events.push(event) }, '41');
    expect(parser.lastEventId).toBe('41');
    parser.push('data: a\n\n');
    expect(events[0]?.lastEventId).toBe('41');
  });
});

describe('Bonus · SseParser: retry', () => {
  it('reports a retry value that is ASCII digits only', () => {
    expect(parse('retry: 1500\n\n').retries).toEqual([1500]);
  });

  it('ignores retry values that are not only digits', () => {
    expect(parse('retry: 1a\nretry: -1\nretry: 1.5\nretry:  15\nretry:\n\n').retries).toEqual([]);
  });

  it('does not turn a retry line into an event', () => {
    expect(parse('retry: 1500\n\n').events).toEqual([]);
  });
});
