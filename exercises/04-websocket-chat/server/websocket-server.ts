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
  // 🐨 TODO 2.1: create the WebSocketServer on httpServer (option `server`) that takes messages of at most
  //    MAX_PAYLOAD_BYTES (option `maxPayload`), and let it call wssOnConnection for every new connection
  //    (its 'connection' event). Replace the placeholder below: it accepts no connection at all.
  //    📜 https://github.com/websockets/ws#simple-server
  // 💯 TODO 2.6: create it with `noServer: true` instead and attach serverOnUpgrade to httpServer's 'upgrade'
  //    event: then you see each handshake before it becomes a WebSocket, and can refuse it.
  const wss = new WebSocketServer({ noServer: true });
  // Clients that were pinged and have not answered yet.
  const awaitingPong = new WeakSet<WebSocket>();

  const unsubscribe = room.subscribe(broadcastMessage);
  const heartbeat = setInterval(pingEveryClient, heartbeatMs);

  // #region upgrade
  function serverOnUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // 💯 TODO 2.6: browsers send the page's origin (request.headers.origin) and no page can change it.
    //    Refuse the handshake with 403 (refuseHandshake) for an origin that is not in allowedOrigins,
    //    so that other websites cannot open our chat in their visitors' name (cross-site WebSocket
    //    hijacking). Let requests without an Origin in: those come from tools (pnpm ws-client), not browsers.
    //    Hand every other request to ws: wss.handleUpgrade(…), and emit 'connection' with the new client.
    //    📜 https://github.com/websockets/ws#client-authentication
  }
  // #endregion upgrade

  function wssOnConnection(client: WebSocket): void {
    // 🐨 TODO 2.2: listen to the client's events:
    //    - 'message' (data, isBinary): hand it to clientOnMessage while a MessageBudget of
    //      MESSAGES_PER_SECOND (one per client) allows it (budget.take()); close a client over its budget
    //      with POLICY_VIOLATION and a reason: that is a script in a loop, not a person.
    //    - 'error': clientOnError. ws reports a frame it refused here (too large: 1009, not UTF-8: 1007)
    //      and closes the connection itself; an 'error' event without a listener crashes the whole server.
    //    📜 https://github.com/websockets/ws/blob/master/doc/ws.md#class-websocket
    // 💯 TODO 2.5: also listen for 'pong': the client answered the last ping (take it out of awaitingPong).
    // 🐨 TODO 2.1: send the stored messages (room.list()) to the new client as a "chat.initial" envelope
    //    (encodeServerEnvelope).
    //    📜 https://github.com/websockets/ws/blob/master/doc/ws.md#websocketsenddata-options-callback
  }

  function clientOnMessage(client: WebSocket, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      sendError(client, 'Send text messages with JSON; this chat does not use binary messages.');
      return;
    }
    // 🐨 TODO 2.2: decode the text (data.toString()) with decodeClientEnvelope. If it is not ok, send the
    //    reason back (sendError) and stop. Otherwise post its data to the room (room.post): the room
    //    stores the message and calls broadcastMessage, which sends it to everyone, the sender too. If the
    //    room refuses it (not `ok`: on the class server the instructor can mute a name), send its error back.
  }

  // #region broadcast
  function broadcastMessage(message: ChatMessage): void {
    // 🐨 TODO 2.3: encode the message once as a "chat.message" envelope, then send it to every client in
    //    wss.clients whose readyState is WebSocket.OPEN.
    //    💰 Encode it as a Buffer (Buffer.from) and send with { binary: false }: ws then sends the very
    //    same bytes to every client instead of converting the text again for each one.
    // 💯 TODO 2.7: a client that stopped reading would make us buffer every message for it, without end.
    //    Before sending, cut off (terminate) a client whose bufferedAmount is above maxBufferedBytes.
  }
  // #endregion broadcast

  function pingEveryClient(): void {
    // 💯 TODO 2.5: heartbeat. For every client: if it is still in awaitingPong (no pong since the last
    //    ping, so its network or device went away without a goodbye), cut it off (terminate). Otherwise
    //    add it to awaitingPong and ping it; the 'pong' listener (TODO 2.5 above) takes it out again.
    //    Browsers answer pings by themselves.
    //    📜 https://github.com/websockets/ws#how-to-detect-and-close-broken-connections
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
