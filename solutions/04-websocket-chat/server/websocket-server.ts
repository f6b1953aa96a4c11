import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { ChatMessage } from '../protocol/messages';
import { decodeClientEnvelope, encodeServerEnvelope } from './chat-envelope';
import type { ChatRoom } from './chat-room';
import { MessageBudget } from './message-budget';

export interface ChatWebSocketOptions {
  /** Pages from these origins may connect; a handshake from any other page is refused with 403. */
  allowedOrigins: readonly string[];
  /** Every client is pinged this often; one that did not answer by the next ping is cut off (default 30 s). */
  heartbeatMs?: number;
  /** A client that lets more than this pile up unread is cut off (default 1 MiB). */
  maxBufferedBytes?: number;
}

/** The chat's WebSocket endpoint, attached to an HTTP server. */
export interface ChatWebSocket {
  /** Open connections right now. */
  readonly clientCount: number;
  /** Says goodbye to every client (close code 1001) and stops the heartbeat. */
  close(): Promise<void>;
}

/** The largest message a client may send. ws closes the connection of a client that sends more with 1009. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/** A person types far fewer; a script in a loop is cut off (close code 1008) before it floods the room. */
export const MESSAGES_PER_SECOND = 20;
/** How long `close()` waits for clients to answer the closing handshake before it cuts them off. */
const CLOSE_TIMEOUT_MS = 1_000;
const GOING_AWAY = 1001;
const POLICY_VIOLATION = 1008;

/**
 * Serves the chat on `ws://host:port/` (any path) of `httpServer`: `chat.initial` to every new client,
 * then every message of the room as `chat.message` to all of them.
 */
export function attachChatWebSocket(
  httpServer: Server,
  room: ChatRoom,
  options: ChatWebSocketOptions,
): ChatWebSocket {
  const { allowedOrigins, heartbeatMs = 30_000, maxBufferedBytes = 1024 * 1024 } = options;
  // noServer: we take the upgrade request ourselves, so we can refuse it before it becomes a WebSocket.
  // Per-message compression stays off (ws's default for servers): it costs memory per connection.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES });
  // Clients that were pinged and have not answered yet.
  const awaitingPong = new WeakSet<WebSocket>();

  httpServer.on('upgrade', serverOnUpgrade);
  wss.on('connection', wssOnConnection);
  const unsubscribe = room.subscribe(broadcastMessage);
  const heartbeat = setInterval(pingEveryClient, heartbeatMs);

  // #region upgrade
  function serverOnUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Browsers send the page's origin and no page can change it. Without this check any website a user
    // visits could open our chat in their name (cross-site WebSocket hijacking). Tools such as
    // `pnpm ws-client` send no Origin: they are not a browser that could be tricked, so they may connect.
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.includes(origin)) {
      refuseHandshake(socket, 403, `Pages from ${origin} may not connect to this chat.`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request));
  }
  // #endregion upgrade

  function wssOnConnection(client: WebSocket): void {
    const budget = new MessageBudget(MESSAGES_PER_SECOND);
    client.on('message', (data, isBinary) => {
      if (budget.take()) {
        clientOnMessage(client, data, isBinary);
        return;
      }
      client.close(POLICY_VIOLATION, `More than ${MESSAGES_PER_SECOND} messages per second.`);
    });
    client.on('pong', () => awaitingPong.delete(client));
    // ws reports a frame it refused here (too large: 1009, not UTF-8: 1007) and closes the connection
    // itself. An 'error' event without a listener would crash the whole server.
    client.on('error', clientOnError);
    client.send(encodeServerEnvelope('chat.initial', room.list()));
  }

  function clientOnMessage(client: WebSocket, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      sendError(client, 'Send text messages with JSON; this chat does not use binary messages.');
      return;
    }
    const result = decodeClientEnvelope(data.toString());
    if (!result.ok) {
      sendError(client, result.error);
      return;
    }
    // The room stores it and calls broadcastMessage, which sends it to everyone, the sender too; unless the
    // instructor's rules (class server: a muted name, slow mode) refuse it.
    const posted = room.post(result.envelope.data);
    if (!posted.ok) sendError(client, posted.error);
  }

  // #region broadcast
  function broadcastMessage(message: ChatMessage): void {
    // Encoded once: every client gets the very same bytes, however many clients there are.
    const frame = Buffer.from(encodeServerEnvelope('chat.message', message));
    for (const client of wss.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      // A client that stopped reading would make us buffer every message for it, without end.
      if (client.bufferedAmount > maxBufferedBytes) {
        client.terminate();
        continue;
      }
      client.send(frame, { binary: false });
    }
  }
  // #endregion broadcast

  function pingEveryClient(): void {
    for (const client of wss.clients) {
      // No pong since the last ping: the network or the device went away without a goodbye.
      if (awaitingPong.has(client)) {
        client.terminate();
        continue;
      }
      awaitingPong.add(client);
      // Browsers answer pings by themselves; the page's code never sees them.
      client.ping();
    }
  }

  function sendError(client: WebSocket, reason: string): void {
    // A message can arrive while the connection is already closing (after a 1008, for example).
    if (client.readyState !== WebSocket.OPEN) return;
    // Replies pile up like the broadcast does for a client that stopped reading: the same limit.
    if (client.bufferedAmount > maxBufferedBytes) {
      client.terminate();
      return;
    }
    client.send(encodeServerEnvelope('error', { reason }));
  }

  async function close(): Promise<void> {
    clearInterval(heartbeat);
    unsubscribe();
    httpServer.off('upgrade', serverOnUpgrade);
    const clients = [...wss.clients];
    const closed = clients.map((client) => new Promise((resolve) => client.once('close', resolve)));
    for (const client of clients) client.close(GOING_AWAY, 'The server is shutting down.');
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

function clientOnError(error: Error): void {
  console.warn(`Closed a WebSocket connection: ${error.message}`);
}

/** Answers the upgrade request with a plain HTTP error, so the WebSocket is never opened. */
function refuseHandshake(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ error: reason });
  // Node hands the socket over without its own error handling; a client that resets it must not crash us.
  socket.on('error', () => socket.destroy());
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
