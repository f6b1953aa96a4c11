import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClientOptions, WebSocket } from 'ws';
import type { ServerEnvelope } from '../protocol/messages';
import { type ChatServer, createChatServer } from './app';
import { MAX_PAYLOAD_BYTES, MESSAGES_PER_SECOND } from './websocket-server';

const PAGE_ORIGIN = 'http://localhost:5173';
let server: ChatServer | undefined;
let url = '';

async function startServer(options: { heartbeatMs?: number } = {}): Promise<ChatServer> {
  server = createChatServer({ transport: 'websocket', allowedOrigins: [PAGE_ORIGIN], ...options });
  const address = await server.listen(0);
  url = `ws://localhost:${address.port}`;
  return server;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

/** A client that records every envelope it receives. */
async function connect(options: ClientOptions = { origin: PAGE_ORIGIN }) {
  const socket = new WebSocket(url, options);
  const received: ServerEnvelope[] = [];
  socket.on('message', (data) => received.push(JSON.parse(data.toString()) as ServerEnvelope));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const nextEnvelope = async (event: ServerEnvelope['event']) => {
    await vi.waitFor(() => expect(received.map((envelope) => envelope.event)).toContain(event));
    const index = received.findIndex((envelope) => envelope.event === event);
    return received.splice(index, 1)[0] as ServerEnvelope;
  };
  const closed = new Promise<number>((resolve) => socket.once('close', resolve));
  return { socket, received, nextEnvelope, closed };
}

function chat(username: string, message: string): string {
  return JSON.stringify({ event: 'chat', data: { username, message } });
}

describe('attachChatWebSocket', () => {
  it('sends every stored message in chat.initial first', async () => {
    const chatServer = await startServer();
    const stored = chatServer.room.announce('Earlier');
    const client = await connect();
    expect(await client.nextEnvelope('chat.initial')).toEqual({ event: 'chat.initial', data: [stored] });
    client.socket.close();
  });

  it('broadcasts a chat to every client, the sender too, encoded only once', async () => {
    await startServer();
    const clients = [await connect(), await connect(), await connect()];
    const send = vi.spyOn(WebSocket.prototype, 'send');

    clients[0]?.socket.send(chat('Ada', 'Hello, everyone'));

    for (const client of clients) {
      const envelope = await client.nextEnvelope('chat.message');
      expect(envelope).toMatchObject({
        event: 'chat.message',
        data: { username: 'Ada', message: 'Hello, everyone' },
      });
    }
    // The server's sends are the ones with a Buffer: one and the same object for all three clients.
    const frames = send.mock.calls.map(([data]) => data).filter((data) => Buffer.isBuffer(data));
    expect(frames).toHaveLength(3);
    expect(new Set(frames).size).toBe(1);
    for (const client of clients) client.socket.close();
  });

  it("sends the room's refusal (a muted name) back as an error event, and broadcasts nothing", async () => {
    const chatServer = await startServer();
    chatServer.room.moderation.mute('Ada');
    const client = await connect();
    await client.nextEnvelope('chat.initial');
    client.socket.send(chat('Ada', 'Still here?'));
    const envelope = await client.nextEnvelope('error');
    expect(envelope).toEqual({
      event: 'error',
      data: { reason: 'The instructor has muted the name "Ada".' },
    });
    expect(chatServer.room.list()).toEqual([]);
    client.socket.close();
  });

  it('answers bad input with an error event and keeps the connection open', async () => {
    await startServer();
    const client = await connect();
    for (const bad of ['not json', '{"event":"typing","data":{}}', chat('Ada', '   '), Buffer.from([1, 2])]) {
      client.socket.send(bad);
      const envelope = await client.nextEnvelope('error');
      expect(envelope.event === 'error' && envelope.data.reason).toEqual(expect.any(String));
    }
    client.socket.send(chat('Ada', 'still here'));
    expect(await client.nextEnvelope('chat.message')).toMatchObject({ data: { message: 'still here' } });
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
  });

  it('closes with 1009 when a message is larger than maxPayload', async () => {
    await startServer();
    const client = await connect();
    client.socket.send('x'.repeat(MAX_PAYLOAD_BYTES + 1));
    expect(await client.closed).toBe(1009);
  });

  it(`closes with 1008 a client that sends more than ${MESSAGES_PER_SECOND} messages a second`, async () => {
    await startServer();
    const client = await connect();
    // Bad ones: each would cost an error reply, queued for a client that may never read them.
    for (let index = 0; index < MESSAGES_PER_SECOND + 5; index += 1) client.socket.send('{"event": ');
    expect(await client.closed).toBe(1008);
    const errors = client.received.filter((envelope) => envelope.event === 'error');
    expect(errors.length, 'an error reply for each message within the budget only').toBeLessThanOrEqual(
      MESSAGES_PER_SECOND,
    );
  });

  it('Bonus: refuses the handshake for pages from other origins, but lets tools without Origin in', async () => {
    await startServer();
    const refused = new WebSocket(url, { origin: 'https://evil.example' });
    const status = await new Promise<number | undefined>((resolve) => {
      refused.once('unexpected-response', (_request, response) => resolve(response.statusCode));
      refused.once('open', () => resolve(undefined));
    });
    expect(status).toBe(403);
    // Aborting a handshake that never finished reports an error; here that is expected.
    refused.once('error', () => {});
    refused.terminate();

    const tool = await connect({});
    expect(await tool.nextEnvelope('chat.initial')).toBeDefined();
    tool.socket.close();
  });

  it('Bonus: cuts off a client that stops answering pings, and keeps one that answers', async () => {
    await startServer({ heartbeatMs: 50 });
    const silent = await connect({ origin: PAGE_ORIGIN, autoPong: false });
    const answering = await connect();
    expect(await silent.closed).toBe(1006);
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    answering.socket.close();
  });

  it('says goodbye with 1001 when the server closes', async () => {
    const chatServer = await startServer();
    const client = await connect();
    await chatServer.close();
    server = undefined;
    expect(await client.closed).toBe(1001);
  });
});
