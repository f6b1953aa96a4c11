import WebSocket from 'ws';
import type {
  BrokerMessage,
  SessionResponse,
  SubscriberCommand,
} from '../../solutions/05-pubsub-broker/protocol/messages';

/** A subscriber from Node: connects with a token, records every broker message, waits for the ones a test needs. */
export class BrokerClient {
  readonly messages: BrokerMessage[] = [];
  readonly #socket: WebSocket;
  readonly #waiters = new Set<() => void>();
  #closed = false;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as BrokerMessage);
      for (const wake of this.#waiters) wake();
    });
    socket.on('close', () => {
      this.#closed = true;
      for (const wake of this.#waiters) wake();
    });
  }

  /** `autoPong: false` plays a device that vanished: the connection stays open, but nothing answers. */
  static async connect(brokerUrl: string, token: string, { autoPong = true } = {}): Promise<BrokerClient> {
    const socket = new WebSocket(
      `${brokerUrl.replace(/^http/, 'ws')}/connect?token=${encodeURIComponent(token)}`,
      {
        autoPong,
      },
    );
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`The broker refused the handshake with ${response.statusCode}.`)),
      );
      socket.once('error', reject);
    });
    return new BrokerClient(socket);
  }

  get isClosed(): boolean {
    return this.#closed;
  }

  send(command: SubscriberCommand | string): void {
    this.#socket.send(typeof command === 'string' ? command : JSON.stringify(command));
  }

  sendRaw(data: string | Buffer): void {
    this.#socket.send(data);
  }

  async subscribe(channel: string, since?: string): Promise<Extract<BrokerMessage, { type: 'subscribed' }>> {
    this.send(since === undefined ? { type: 'subscribe', channel } : { type: 'subscribe', channel, since });
    return this.waitFor(
      (message): message is Extract<BrokerMessage, { type: 'subscribed' }> =>
        message.type === 'subscribed' && message.channel === channel,
      `"subscribed" for ${channel}`,
    );
  }

  /** The first recorded message (from the start) that matches; waits for it up to `timeoutMs`. */
  async waitFor<T extends BrokerMessage>(
    matches: (message: BrokerMessage) => message is T,
    what: string,
    timeoutMs?: number,
  ): Promise<T>;
  async waitFor(
    matches: (message: BrokerMessage) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<BrokerMessage>;
  async waitFor(
    matches: (message: BrokerMessage) => boolean,
    what: string,
    timeoutMs = 5_000,
  ): Promise<BrokerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(matches);
      if (found) return found;
      if (this.#closed) throw new Error(`The connection closed before ${what} arrived.`);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `No ${what} within ${timeoutMs} ms. Got: ${JSON.stringify(this.messages).slice(0, 800)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.#waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.#waiters.add(wake);
      });
    }
  }

  channelMessages(channel?: string): Extract<BrokerMessage, { type: 'message' }>[] {
    return this.messages.filter(
      (message): message is Extract<BrokerMessage, { type: 'message' }> =>
        message.type === 'message' && (channel === undefined || message.channel === channel),
    );
  }

  /** Closes and waits until the broker has seen it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    const closed = new Promise((resolve) => this.#socket.once('close', resolve));
    this.#socket.close();
    await closed;
  }

  /** Drops the connection without a closing handshake. */
  terminate(): void {
    this.#socket.terminate();
  }
}

/** Joins the board through the app backend, as a page does. */
export async function joinBoard(appUrl: string, name: string): Promise<SessionResponse> {
  const response = await fetch(`${appUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/session answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as SessionResponse;
}

export async function postJson(
  url: string,
  body: unknown,
  authorization?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authorization) headers.Authorization = `Bearer ${authorization}`;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}
