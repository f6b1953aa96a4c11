// Node 20 has no WebSocket of its own, so the specs use the `ws` package, like the exercise's server.
import { WebSocket } from 'ws';

/** An envelope as it arrived, not trusted to have the right shape yet. */
export interface ReceivedEnvelope {
  event: unknown;
  data: unknown;
}

export interface NodeChatClient {
  readonly socket: WebSocket;
  /** Every envelope received so far, oldest first. */
  readonly received: ReceivedEnvelope[];
  /** Text messages that were not JSON envelopes. */
  readonly malformed: string[];
  /** Resolves with the close code once the connection is closed (1006: cut off without a closing handshake). */
  readonly closed: Promise<number>;
  /** Waits until an envelope matches, and returns it. */
  waitFor(predicate: (envelope: ReceivedEnvelope) => boolean, timeoutMs?: number): Promise<ReceivedEnvelope>;
  sendJson(value: unknown): void;
  close(): void;
}

export interface ConnectOptions {
  /** The Origin header a browser would send; none by default, like a command-line tool. */
  origin?: string;
  /** false: never answer pings, like a client whose network went away. */
  autoPong?: boolean;
  timeoutMs?: number;
}

/** `http://localhost:8080` → `ws://localhost:8080`: the WebSocket is on the same host and port. */
export function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}

/** Opens a WebSocket from Node and records what arrives. Rejects with a readable message if it cannot. */
export async function connectChatClient(
  httpUrl: string,
  options: ConnectOptions = {},
): Promise<NodeChatClient> {
  const url = toWebSocketUrl(httpUrl);
  const socket = new WebSocket(url, {
    ...(options.origin ? { origin: options.origin } : {}),
    autoPong: options.autoPong ?? true,
  });
  const received: ReceivedEnvelope[] = [];
  const malformed: string[] = [];
  socket.on('message', (data, isBinary) => {
    const text = data.toString();
    try {
      const value = JSON.parse(text) as ReceivedEnvelope;
      if (!isBinary && typeof value === 'object' && value !== null && 'event' in value) {
        received.push(value);
        return;
      }
    } catch {
      // recorded below
    }
    malformed.push(text);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(
        new Error(`${url} did not accept a WebSocket connection within ${options.timeoutMs ?? 5_000} ms.`),
      );
    }, options.timeoutMs ?? 5_000);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not open a WebSocket to ${url}: ${error.message}`));
    });
  });
  // Errors after the handshake show up as the close code; an unhandled 'error' would end the test run.
  socket.on('error', () => {});

  return {
    socket,
    received,
    malformed,
    closed,
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(
            `Waited ${timeoutMs} ms for a matching envelope from ${url}; received: ` +
              `${JSON.stringify(received).slice(0, 1_000)}${malformed.length > 0 ? `, not envelopes: ${JSON.stringify(malformed).slice(0, 300)}` : ''}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    sendJson(value) {
      socket.send(JSON.stringify(value));
    },
    close() {
      socket.close();
    },
  };
}

/** Tries a handshake with the given Origin and says how the server answered: 101 (opened) or an HTTP status. */
export function handshakeStatus(httpUrl: string, origin: string): Promise<number> {
  const socket = new WebSocket(toWebSocketUrl(httpUrl), { origin });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The handshake got no answer within 5 s.')), 5_000);
    const finish = (status: number) => {
      clearTimeout(timer);
      resolve(status);
    };
    socket.once('open', () => {
      finish(101);
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      finish(response.statusCode ?? 0);
      response.resume();
      socket.once('error', () => {});
      socket.terminate();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Resolves true at the first ping the server sends this client, or false after `timeoutMs`. Start it right
 * after connecting: the check must not depend on which of two events of the same heartbeat tick comes first.
 */
export function firstPing(client: NodeChatClient, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    client.socket.once('ping', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
