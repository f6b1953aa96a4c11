import { type ServerSentEvent, SseParser } from '../../solutions/03-sse-notifications/client/sse-parser';

export interface StreamCapture {
  readonly response: Response;
  /** Every byte of text received so far, comments included. */
  readonly rawText: () => string;
  readonly events: ServerSentEvent[];
  /** Waits until `predicate` holds for the events received so far. */
  waitFor(predicate: (events: ServerSentEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Opens an event stream from Node, like a browser would, and records what arrives. */
export async function captureStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<StreamCapture> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: ServerSentEvent[] = [];
  const parser = new SseParser({ onEvent: (event) => events.push(event) });
  let raw = '';
  const reading = readAll(response, (text) => {
    raw += text;
    parser.push(text);
  });

  return {
    response,
    rawText: () => raw,
    events,
    async waitFor(predicate, timeoutMs = 8_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (Date.now() > deadline) throw new Error(`Timed out; received: ${JSON.stringify(events, null, 1)}`);
        await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 50))]);
      }
    },
    close: () => controller.abort(),
  };
}

async function readAll(response: Response, onText: (text: string) => void): Promise<void> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  try {
    for await (const chunk of response.body) onText(decoder.decode(chunk, { stream: true }));
  } catch {
    // Aborted by close(): the test is done with this stream.
  }
}
