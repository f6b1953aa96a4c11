import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectFetchEventSource, type FetchEventSourceOptions, readEventStream } from './fetch-event-source';
import { type ServerSentEvent, SseParser } from './sse-parser';

// Everything a test opens registers its clean-up here; afterEach runs them newest first, so clients
// are closed before their servers.
const cleanups: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
  vi.restoreAllMocks();
});

type Handler = (request: IncomingMessage, response: ServerResponse, requestNumber: number) => void;

/** A real HTTP server on a free port of 127.0.0.1. `requests` lists what it received, in order. */
async function startServer(handler: Handler) {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    handler(request, response, requests.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/events`, requests };
}

/** Sends the headers of an event stream at once, so that the client's fetch resolves. */
function startStream(response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
  });
  response.flushHeaders();
}

/** Connects a client that records every callback; it is closed after the test. */
function connect(url: string, options: Partial<FetchEventSourceOptions> = {}) {
  const events: ServerSentEvent[] = [];
  const disconnects: Array<{ error?: Error; delayMs: number }> = [];
  const stops: Array<{ error?: Error }> = [];
  let opens = 0;
  const connection = connectFetchEventSource(url, {
    onEvent: (event) => events.push(event),
    onOpen: () => {
      opens += 1;
    },
    onDisconnect: (info) => disconnects.push(info),
    onStop: (info) => stops.push(info),
    initialRetryMs: 10,
    ...options,
  });
  cleanups.push(() => connection.close());
  return { connection, events, disconnects, stops, opens: () => opens };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** A response whose body delivers exactly these chunks, so a test controls where the bytes are split. */
function responseOfChunks(chunks: Uint8Array[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(chunk);
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

function oneBytePerChunk(text: string): Uint8Array[] {
  return [...new TextEncoder().encode(text)].map((byte) => Uint8Array.of(byte));
}

function collectingParser() {
  const events: ServerSentEvent[] = [];
  const parser = new SseParser({ onEvent: (event) => events.push(event) });
  return { events, parser };
}

describe('Bonus · readEventStream', () => {
  it('decodes multi-byte UTF-8 characters that are split between chunks', async () => {
    const { events, parser } = collectingParser();
    await readEventStream(responseOfChunks(oneBytePerChunk('data: Grüße 👋\n\n')), parser);
    expect(events).toEqual([{ type: 'message', data: 'Grüße 👋', lastEventId: '' }]);
  });

  it('drops exactly one byte order mark at the start of the bytes', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const data = [...new TextEncoder().encode('data: a\n\n')];

    const one = collectingParser();
    await readEventStream(responseOfChunks([Uint8Array.from([...bom, ...data])]), one.parser);
    expect(one.events.map((event) => event.data)).toEqual(['a']);

    // A second BOM is part of the first line, which makes "\uFEFFdata" an unknown field.
    const two = collectingParser();
    await readEventStream(responseOfChunks([Uint8Array.from([...bom, ...bom, ...data])]), two.parser);
    expect(two.events).toEqual([]);
  });

  it('stops reading and cancels the body when the signal aborts', async () => {
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: a\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { events, parser } = collectingParser();
    const controller = new AbortController();

    const reading = readEventStream(new Response(endless), parser, controller.signal);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    controller.abort();

    await expect(reading).resolves.toBeUndefined();
    expect(cancelled).toBe(true);
  });
});

describe('Bonus · connectFetchEventSource', () => {
  it('receives events whose bytes arrive split across several network writes', async () => {
    const server = await startServer(async (_request, response) => {
      startStream(response);
      // "ü" is the two bytes C3 BC; the first write ends between them.
      const writes = [
        'event: greet',
        'ing\ndata: Gr\xc3',
        '\xbc\xc3\x9fe\n',
        '\nid: 1\r',
        '\ndata: two\r\n\r\n',
      ];
      for (const write of writes) {
        response.write(Buffer.from(write, 'latin1'));
        await sleep(15);
      }
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(client.events).toHaveLength(2));
    expect(client.events).toEqual([
      { type: 'greeting', data: 'Grüße', lastEventId: '' },
      { type: 'message', data: 'two', lastEventId: '1' },
    ]);
    expect(client.connection.lastEventId).toBe('1');
    expect(client.opens()).toBe(1);
  });

  it('asks for an event stream and sends the given lastEventId on the first request', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(204).end();
    });
    const client = connect(server.url, { lastEventId: '41' });

    await vi.waitFor(() => expect(client.stops).toHaveLength(1));
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');
    expect(server.requests[0]?.headers['last-event-id']).toBe('41');
  });

  it('sends an id outside ASCII as its UTF-8 bytes, as EventSource does', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(204).end();
    });
    const client = connect(server.url, { lastEventId: 'é€' });

    await vi.waitFor(() => expect(client.stops).toHaveLength(1));
    // Node reads header bytes as Latin-1: the UTF-8 bytes C3 A9 E2 82 AC arrive as these five characters.
    expect(server.requests[0]?.headers['last-event-id']).toBe(Buffer.from('é€', 'utf8').toString('latin1'));
  });

  it('reconnects after the stream ends and sends the last id as Last-Event-ID', async () => {
    const server = await startServer((_request, response, requestNumber) => {
      if (requestNumber === 1) {
        startStream(response);
        response.end('id: 5\ndata: a\n\ndata: b\n\n');
        return;
      }
      response.writeHead(204).end();
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    expect(server.requests[0]?.headers['last-event-id']).toBeUndefined();
    expect(server.requests[1]?.headers['last-event-id']).toBe('5');
    expect(client.disconnects).toEqual([{ error: undefined, delayMs: 10 }]);
  });

  it('drops half an event when the connection breaks, and resumes after the last whole one', async () => {
    const server = await startServer((_request, response, requestNumber) => {
      startStream(response);
      if (requestNumber === 1) {
        response.write('id: 1\ndata: a\n\nid: 2\ndata: hal');
        setTimeout(() => response.destroy(), 20);
        return;
      }
      // If the broken "data: hal" line survived, this would read as "data: haldata: b".
      response.write('data: b\n\n');
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(client.events).toHaveLength(2));
    expect(client.events.map((event) => event.data)).toEqual(['a', 'b']);
    expect(server.requests[1]?.headers['last-event-id']).toBe('1');
    expect(client.disconnects).toHaveLength(1);
    expect(client.disconnects[0]?.error).toBeInstanceOf(Error);
  });

  it('reports an error thrown by onEvent through onDisconnect, and reconnects', async () => {
    const server = await startServer((_request, response, requestNumber) => {
      if (requestNumber === 1) {
        startStream(response);
        response.write('data: a\n\n');
        return;
      }
      response.writeHead(204).end();
    });
    const client = connect(server.url, {
      onEvent: () => {
        throw new Error('bug in onEvent');
      },
    });

    await vi.waitFor(() => expect(client.stops).toHaveLength(1));
    expect(client.disconnects.map((info) => info.error?.message)).toEqual(['bug in onEvent']);
    expect(server.requests).toHaveLength(2);
  });

  it('waits as long as the retry field says before it reconnects', async () => {
    const server = await startServer((_request, response, requestNumber) => {
      if (requestNumber === 1) {
        startStream(response);
        response.end('retry: 150\n\n');
        return;
      }
      response.writeHead(204).end();
    });
    const started = Date.now();
    // Without the retry field the client would wait a minute, far longer than the test may run.
    const client = connect(server.url, { initialRetryMs: 60_000 });

    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    expect(client.disconnects.map((info) => info.delayMs)).toEqual([150]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('stops for good on HTTP 204, without an error', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(204).end();
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(client.stops).toEqual([{ error: undefined }]));
    await sleep(100);
    expect(server.requests).toHaveLength(1);
    expect(client.disconnects).toEqual([]);
    expect(client.opens()).toBe(0);
  });

  it('stops for good with a clear error when the Content-Type is not text/event-stream', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Not here</h1>');
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(client.stops).toHaveLength(1));
    const error = client.stops[0]?.error;
    expect(error).toBeInstanceOf(Error);
    // The message must name what the server sent and what was expected.
    expect(error?.message).toContain('text/html');
    expect(error?.message).toContain('text/event-stream');
    await sleep(100);
    expect(server.requests).toHaveLength(1);
    expect(client.events).toEqual([]);
  });

  it('stops for good with a clear error when the status is not 200', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(500, { 'Content-Type': 'text/event-stream' }).end('data: oops\n\n');
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(client.stops).toHaveLength(1));
    expect(client.stops[0]?.error?.message).toContain('500');
    await sleep(100);
    expect(server.requests).toHaveLength(1);
    expect(client.events).toEqual([]);
  });

  it('close() aborts the request, the server sees the connection close, and nothing follows', async () => {
    let serverSawClose = false;
    const server = await startServer((_request, response) => {
      response.on('close', () => {
        serverSawClose = true;
      });
      startStream(response);
      response.write('data: a\n\n');
      // Keeps sending, so the client would see more events if close() did not stop it.
      const timer = setInterval(() => response.write('data: more\n\n'), 10);
      response.on('close', () => clearInterval(timer));
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(client.events.length).toBeGreaterThan(0));
    client.connection.close();
    const eventsBeforeClose = client.events.length;

    await vi.waitFor(() => expect(serverSawClose).toBe(true));
    await sleep(100);
    expect(client.events).toHaveLength(eventsBeforeClose);
    expect(server.requests).toHaveLength(1);
    expect(client.disconnects).toEqual([]);
    expect(client.stops).toEqual([]);
  });

  it('close() aborts a request that is still waiting for the response headers', async () => {
    let serverSawClose = false;
    const server = await startServer((_request, response) => {
      // Never answers: the client's fetch stays pending.
      response.on('close', () => {
        serverSawClose = true;
      });
    });
    const client = connect(server.url);

    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    client.connection.close();

    await vi.waitFor(() => expect(serverSawClose).toBe(true));
    expect(client.opens()).toBe(0);
    expect(client.disconnects).toEqual([]);
  });

  it('close() inside onEvent silences the rest of the chunk', async () => {
    const server = await startServer((_request, response) => {
      startStream(response);
      response.write('data: 1\n\ndata: 2\n\ndata: 3\n\n');
    });
    const events: string[] = [];
    const connection = connectFetchEventSource(server.url, {
      onEvent: (event) => {
        events.push(event.data);
        connection.close();
      },
    });
    cleanups.push(() => connection.close());

    await vi.waitFor(() => expect(events).toHaveLength(1));
    await sleep(50);
    expect(events).toEqual(['1']);
  });

  it('close() cancels a reconnect that is waiting', async () => {
    const server = await startServer((_request, response) => {
      startStream(response);
      response.end();
    });
    const client = connect(server.url, { initialRetryMs: 50 });

    await vi.waitFor(() => expect(client.disconnects).toHaveLength(1));
    client.connection.close();
    await sleep(120);
    expect(server.requests).toHaveLength(1);
  });
});

describe('Bonus · connectFetchEventSource: backoff', () => {
  const networkError = () => Promise.reject(new TypeError('fetch failed'));
  const emptyStream = () =>
    Promise.resolve(new Response('', { headers: { 'Content-Type': 'text/event-stream' } }));

  /** A fake fetch that answers with the given replies in turn, then keeps failing. */
  function fetchAnswering(...replies: Array<() => Promise<Response>>): typeof fetch {
    return () => (replies.shift() ?? networkError)();
  }

  it('doubles the delay after each failure in a row and resets it after a successful open', async () => {
    // With no randomness the jitter takes nothing off: the delays are exact.
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const client = connect('http://test.invalid/events', {
      fetch: fetchAnswering(networkError, networkError, networkError, emptyStream, networkError),
    });

    await vi.waitFor(() => expect(client.disconnects.length).toBeGreaterThanOrEqual(5));
    client.connection.close();
    const delays = client.disconnects.slice(0, 5).map((info) => info.delayMs);
    expect(delays).toEqual([10, 20, 40, 10, 20]);
    expect(client.disconnects[0]?.error?.message).toBe('fetch failed');
    expect(client.disconnects[3]?.error).toBeUndefined();
  });

  it('takes a retry: of at most an hour; a larger one would overflow setTimeout and reconnect at once', async () => {
    const hugeRetry = () =>
      Promise.resolve(
        new Response('retry: 99999999999\n\n', { headers: { 'Content-Type': 'text/event-stream' } }),
      );
    const client = connect('http://test.invalid/events', { fetch: fetchAnswering(hugeRetry) });

    await vi.waitFor(() => expect(client.disconnects.length).toBeGreaterThanOrEqual(1));
    client.connection.close();
    expect(client.disconnects[0]?.delayMs).toBe(3_600_000);
  });

  it('takes a random part off the delay, at most half', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const client = connect('http://test.invalid/events', { fetch: fetchAnswering() });

    await vi.waitFor(() => expect(client.disconnects.length).toBeGreaterThanOrEqual(3));
    client.connection.close();
    expect(client.disconnects.slice(0, 3).map((info) => info.delayMs)).toEqual([10, 10, 20]);
  });

  it('never waits longer than 30 seconds, unless retry asks for more', async () => {
    vi.useFakeTimers();
    cleanups.push(() => {
      vi.useRealTimers();
    });
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const fast = connect('http://test.invalid/events', { fetch: fetchAnswering(), initialRetryMs: 20_000 });
    const slow = connect('http://test.invalid/events', { fetch: fetchAnswering(), initialRetryMs: 50_000 });

    await vi.advanceTimersByTimeAsync(200_000);
    expect(fast.disconnects.slice(0, 4).map((info) => info.delayMs)).toEqual([
      20_000, 30_000, 30_000, 30_000,
    ]);
    expect(slow.disconnects.slice(0, 3).map((info) => info.delayMs)).toEqual([50_000, 50_000, 50_000]);
  });
});
