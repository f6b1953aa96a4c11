import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { BrokerMessage } from '../protocol/messages';
import { encodeBrokerMessageBytes } from './broker-frame';
import type { ChannelHub, Subscriber } from './channel-hub';
import { CommandBudget } from './command-budget';
import { isAllowedOrigin } from './page-origin';
import { verifySubscribeToken } from './subscribe-token';
import { decodeSubscriberCommand } from './subscriber-command';

export interface WebSocketTransportOptions {
  /** Pages from these origins may connect; a handshake from any other page is refused with 403. */
  allowedOrigins: readonly string[];
  tokenSecret: Uint8Array;
  /** Every client is pinged this often; one that did not answer by the next ping is cut off. */
  heartbeatMs: number;
  /** A client that lets more than this pile up unread is cut off; it resumes from the history later. */
  maxBufferedBytes: number;
}

export interface WebSocketTransport {
  readonly clientCount: number;
  close(): Promise<void>;
}

/** Commands are tiny; ws closes the connection of a client that sends more with 1009. */
const MAX_PAYLOAD_BYTES = 4 * 1024;
const CLOSE_TIMEOUT_MS = 1_000;
const GOING_AWAY = 1001;
const SERVICE_RESTART = 1012;
const POLICY_VIOLATION = 1008;
/** A board subscribes to a few channels once; this many commands per second is far more than a page needs. */
const COMMANDS_PER_SECOND = 20;

/** Subscribers on `ws://host/connect?token=…`: commands in, broker messages out. */
export function attachWebSocketTransport(
  httpServer: Server,
  hub: ChannelHub,
  options: WebSocketTransportOptions,
): WebSocketTransport {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  const awaitingPong = new WeakSet<WebSocket>();
  httpServer.on('upgrade', serverOnUpgradeSafely);
  const heartbeat = setInterval(pingEveryClient, options.heartbeatMs);

  function serverOnUpgradeSafely(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node hands the socket over without error handling; a client that resets it must not crash us.
    socket.on('error', () => socket.destroy());
    serverOnUpgrade(request, socket, head).catch((error: unknown) => {
      console.warn(`Refused a WebSocket handshake: ${String(error)}`);
      socket.destroy();
    });
  }

  async function serverOnUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = URL.parse(request.url ?? '/', 'http://broker');
    if (!url) {
      refuseHandshake(socket, 400, 'The request target is not a valid URL.');
      return;
    }
    if (url.pathname !== '/connect') {
      refuseHandshake(socket, 404, 'Subscribe on /connect?token=…');
      return;
    }
    // Browsers send the page's origin and no page can change it (cross-site WebSocket hijacking).
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, request.headers.host, options.allowedOrigins)) {
      refuseHandshake(socket, 403, `Pages from ${origin} may not connect to this broker.`);
      return;
    }
    // Browsers cannot set headers on a WebSocket, so the token travels in the URL (as with Mercure's
    // `authorization` parameter); it is short-lived for that reason.
    const token = await verifySubscribeToken(url.searchParams.get('token') ?? '', options.tokenSecret);
    // The client may have given up while we checked the token.
    if (socket.destroyed) return;
    if (!token.ok) {
      refuseHandshake(socket, 401, token.error);
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => {
      const subscriber = createSubscriber(client, token.member, token.channels);
      clientOnOpen(client, subscriber);
    });
  }

  function createSubscriber(client: WebSocket, member: Subscriber['member'], channels: ReadonlySet<string>) {
    const subscriber: Subscriber = {
      connectionId: randomUUID(),
      member,
      allowedChannels: channels,
      send(message: BrokerMessage) {
        if (client.readyState !== WebSocket.OPEN) return;
        // A client that stopped reading would make us buffer every message for it, without end.
        if (client.bufferedAmount > options.maxBufferedBytes) {
          client.terminate();
          return;
        }
        client.send(encodeBrokerMessageBytes(message), { binary: false });
      },
      close() {
        // 1012 "service restart": the client reconnects and resumes from the history.
        client.close(SERVICE_RESTART, 'The broker lost messages; resume from the history.');
      },
    };
    return subscriber;
  }

  function clientOnOpen(client: WebSocket, subscriber: Subscriber): void {
    hub.connect(subscriber);
    const budget = new CommandBudget(COMMANDS_PER_SECOND);
    client.on('message', (data, isBinary) => {
      if (budget.take()) {
        clientOnMessage(subscriber, data, isBinary);
        return;
      }
      client.close(POLICY_VIOLATION, `More than ${COMMANDS_PER_SECOND} commands per second.`);
    });
    client.on('pong', () => awaitingPong.delete(client));
    // ws reports frames it refused here (too large: 1009) and closes by itself; without a listener we crash.
    client.on('error', (error) => console.warn(`Closed a subscriber connection: ${error.message}`));
    client.on('close', () => {
      hub.disconnect(subscriber).catch((error: unknown) => console.warn(`Leaving failed: ${String(error)}`));
    });
  }

  function clientOnMessage(subscriber: Subscriber, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      subscriber.send({
        type: 'error',
        code: 'bad-command',
        message: 'Send JSON text, not binary messages.',
      });
      return;
    }
    const result = decodeSubscriberCommand(data.toString());
    if (!result.ok) {
      subscriber.send({ type: 'error', code: 'bad-command', message: result.error });
      return;
    }
    const { command } = result;
    const done =
      command.type === 'subscribe'
        ? hub.subscribe(subscriber, command.channel, command.since)
        : hub.unsubscribe(subscriber, command.channel);
    done.catch((error: unknown) => console.warn(`${command.type} failed: ${String(error)}`));
  }

  function pingEveryClient(): void {
    for (const client of wss.clients) {
      // No pong since the last ping: the device went away without a goodbye. Closing makes it leave.
      if (awaitingPong.has(client)) {
        client.terminate();
        continue;
      }
      awaitingPong.add(client);
      client.ping();
    }
  }

  async function close(): Promise<void> {
    clearInterval(heartbeat);
    httpServer.off('upgrade', serverOnUpgradeSafely);
    const clients = [...wss.clients];
    const closed = clients.map((client) => new Promise((resolve) => client.once('close', resolve)));
    for (const client of clients) client.close(GOING_AWAY, 'The broker is shutting down.');
    await Promise.race([Promise.all(closed), delay(CLOSE_TIMEOUT_MS)]);
    for (const client of clients) client.terminate();
    wss.close();
  }

  return {
    get clientCount() {
      return wss.clients.size;
    },
    close,
  };
}

/** Answers the upgrade request with a plain HTTP error, so the WebSocket is never opened. */
function refuseHandshake(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ error: reason });
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  );
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
