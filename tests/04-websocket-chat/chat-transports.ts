// The chat runs over WebSocket (the task) or over SSE + POST (the variant). The specs talk to both through
// this one interface, so the same checks run against either.
import type { Page, WebSocketRoute } from '@playwright/test';
import { captureStream } from '../03-sse-notifications/event-stream-reader';
import { say } from '../harness/language';
import { connectChatClient, type ReceivedEnvelope, toWebSocketUrl } from './node-websocket';

export interface ChatInput {
  username: string;
  message: string;
}

/** Someone listening to a chat server from Node. */
export interface ChatListener {
  /** Every envelope so far; SSE events are turned into `{ event, data }` too. */
  readonly received: ReceivedEnvelope[];
  waitFor(predicate: (envelope: ReceivedEnvelope) => boolean, timeoutMs?: number): Promise<ReceivedEnvelope>;
  close(): void;
}

/** Holds the page's next chat connection until `release()`. */
export interface ConnectionGate {
  release(): void;
  /** Drops the connection as if the server went away (WebSocket only). */
  drop?(): Promise<void>;
}

/** Which TODO a failing check points to. */
export interface Hints {
  connect: string;
  open: string;
  close: string;
  receive: string;
  send: string;
  serverInitial: string;
  serverBroadcast: string;
  useYourServer: string;
  reconnect: string;
}

export interface ChatTransport {
  /** For test titles. */
  name: string;
  /** The files of each part, for test titles. */
  clientFile: string;
  serverFile: string;
  /** The harness variant: `server/index.NAME.ts` (empty: `server/index.ts`). */
  variant: string;
  /** The page of this variant, relative to the page's origin. */
  pagePath: string;
  hints: Hints;
  /** The TODOs of the first check of each part, which the others build on. */
  todos: { connect: string; serverInitial: string };
  /** Posts a message from Node, as another user would; resolves once the server accepted it. */
  post(baseUrl: string, input: ChatInput): Promise<void>;
  listen(baseUrl: string): Promise<ChatListener>;
  /** Starts recording the chat connections the page opens; returns a function that reads their URLs. */
  recordConnections(page: Page): () => string[];
  /** The URL a page opens to chat with the server at `baseUrl`. */
  connectionUrl(baseUrl: string): string;
  holdConnection(page: Page, pageUrl: string): Promise<ConnectionGate>;
}

export const websocketTransport: ChatTransport = {
  name: 'WebSocket',
  clientFile: 'client/index.ts',
  serverFile: 'server/websocket-server.ts',
  variant: '',
  pagePath: '/',
  todos: { connect: 'TODO 1.1–1.2', serverInitial: 'TODO 2.1' },
  hints: {
    connect: say(
      'open a WebSocket on CHAT_URL (TODO 1.1 in client/index.ts)',
      'Öffne einen WebSocket auf CHAT_URL (TODO 1.1 in client/index.ts)',
    ),
    open: say(
      'on "open", call setConnectionStatus("open") and setFormDisabledState(false) (TODO 1.2)',
      'Ruf bei "open" setConnectionStatus("open") und setFormDisabledState(false) auf (TODO 1.2)',
    ),
    close: say(
      'on "close", call handleClose, which disables the form (TODO 1.2)',
      'Ruf bei "close" handleClose auf, das das Formular sperrt (TODO 1.2)',
    ),
    receive: say(
      'on "message", read the envelope and show "chat.initial" with showHistory and "chat.message" with showMessage (TODO 1.3)',
      'Lies bei "message" den Umschlag und zeig "chat.initial" mit showHistory und "chat.message" mit showMessage an (TODO 1.3)',
    ),
    send: say(
      'on submit, send {"event": "chat", "data": {"username", "message"}} as JSON text (TODO 1.4)',
      'Schick beim Absenden {"event": "chat", "data": {"username", "message"}} als JSON-Text (TODO 1.4)',
    ),
    serverInitial: say(
      'create the WebSocketServer on httpServer, call wssOnConnection on "connection", and there send "chat.initial" ' +
        'with room.list() (TODO 2.1 in server/websocket-server.ts)',
      'Erzeug den WebSocketServer auf httpServer, ruf bei "connection" wssOnConnection auf und schick dort ' +
        '"chat.initial" mit room.list() (TODO 2.1 in server/websocket-server.ts)',
    ),
    serverBroadcast: say(
      'listen for each client\'s "message" and post every valid "chat" to the room (TODO 2.2), and send each new ' +
        'message as "chat.message" to all clients (TODO 2.3)',
      'Hör bei jedem Client auf "message" und gib jedes gültige "chat" an den Raum weiter (TODO 2.2), und schick ' +
        'jede neue Nachricht als "chat.message" an alle Clients (TODO 2.3)',
    ),
    useYourServer: say(
      'switch CHAT_URL in client/index.ts to YOUR_SERVER (TODO 2.4)',
      'Stell CHAT_URL in client/index.ts auf YOUR_SERVER um (TODO 2.4)',
    ),
    reconnect: say(
      'Bonus: after "close", connect again after backoff.nextDelay() milliseconds (TODO 1.5)',
      'Bonus: Warte nach "close" backoff.nextDelay() Millisekunden und verbinde dich dann neu (TODO 1.5)',
    ),
  },

  async post(baseUrl, input) {
    const client = await connectChatClient(baseUrl, { timeoutMs: 3_000 });
    try {
      client.sendJson({ event: 'chat', data: input });
      await client.waitFor((envelope) => isMessageEnvelope(envelope, input.message), 3_000);
    } finally {
      client.close();
    }
  },

  async listen(baseUrl) {
    return connectChatClient(baseUrl);
  },

  recordConnections(page) {
    const urls: string[] = [];
    page.on('websocket', (socket) => urls.push(socket.url()));
    return () => urls;
  },

  connectionUrl(baseUrl) {
    return `${toWebSocketUrl(baseUrl)}/`;
  },

  async holdConnection(page, pageUrl) {
    const gate = deferred();
    const routes: WebSocketRoute[] = [];
    // Vite's own WebSocket (live reload) goes to the page's origin; every other one is the chat.
    const viteOrigin = toWebSocketUrl(pageUrl);
    await page.routeWebSocket(
      (url) => !url.href.startsWith(viteOrigin),
      async (route) => {
        routes.push(route);
        // Until the handler returns, the page's WebSocket stays CONNECTING.
        await gate.promise;
        route.connectToServer();
      },
    );
    return {
      release: gate.resolve,
      async drop() {
        const open = routes.splice(0);
        for (const route of open)
          await route.close({ code: 1001, reason: 'The test dropped the connection.' });
      },
    };
  },
};

export const sseTransport: ChatTransport = {
  name: say('SSE variant', 'SSE-Variante'),
  clientFile: 'client/index.sse.ts',
  serverFile: 'server/sse-chat.ts',
  variant: 'sse',
  pagePath: '/index.sse.html',
  todos: {
    connect: 'TODO S1.1–S1.2',
    serverInitial: say('TODO S0.1–S0.4 and S2.1', 'TODO S0.1–S0.4 und S2.1'),
  },
  hints: {
    connect: say(
      'open an EventSource on EVENTS_URL (TODO S1.1 in client/index.sse.ts)',
      'Öffne eine EventSource auf EVENTS_URL (TODO S1.1 in client/index.sse.ts)',
    ),
    open: say(
      'on "open", call setConnectionStatus("open") and setFormDisabledState(false) (TODO S1.2)',
      'Ruf bei "open" setConnectionStatus("open") und setFormDisabledState(false) auf (TODO S1.2)',
    ),
    close: say(
      'on "error", call handleError, which disables the form (TODO S1.2)',
      'Ruf bei "error" handleError auf, das das Formular sperrt (TODO S1.2)',
    ),
    receive: say(
      'show the "chat.initial" event with showHistory and "chat.message" with showMessage (TODO S1.3)',
      'Zeig das Event "chat.initial" mit showHistory und "chat.message" mit showMessage an (TODO S1.3)',
    ),
    send: say(
      'on submit, POST {"username", "message"} as JSON to MESSAGES_URL (TODO S1.4)',
      'Schick beim Absenden {"username", "message"} per POST als JSON an MESSAGES_URL (TODO S1.4)',
    ),
    serverInitial: say(
      'open the event stream (TODO S0.1–S0.3 in server/sse-stream.ts and server/sse-frame.ts), then send the ' +
        '"chat.initial" event when a stream opens (TODO S2.1 in server/sse-chat.ts)',
      'Öffne den Event-Stream (TODO S0.1–S0.3 in server/sse-stream.ts und server/sse-frame.ts) und schick dann ' +
        'das Event "chat.initial", sobald ein Stream aufgeht (TODO S2.1 in server/sse-chat.ts)',
    ),
    serverBroadcast: say(
      'send every new message as "chat.message" to every open stream (TODO S2.2 in server/sse-chat.ts)',
      'Schick jede neue Nachricht als "chat.message" an jeden offenen Stream (TODO S2.2 in server/sse-chat.ts)',
    ),
    useYourServer: say(
      'switch client/index.sse.ts to YOUR_SERVER (TODO S2.3)',
      'Stell client/index.sse.ts auf YOUR_SERVER um (TODO S2.3)',
    ),
    reconnect: say(
      'EventSource reconnects by itself; on "open" show the status again (TODO S1.2)',
      'EventSource verbindet sich von selbst neu; zeig bei "open" wieder den Status an (TODO S1.2)',
    ),
  },

  async post(baseUrl, input) {
    const response = await fetch(`${baseUrl}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(3_000),
    });
    if (response.status !== 201)
      throw new Error(
        say(`POST /messages answered ${response.status}`, `POST /messages antwortete mit ${response.status}`),
      );
  },

  async listen(baseUrl) {
    const stream = await captureStream(`${baseUrl}/events`);
    const received = (): ReceivedEnvelope[] =>
      stream.events.map((event) => ({ event: event.type, data: parseOrText(event.data) }));
    return {
      get received() {
        return received();
      },
      async waitFor(predicate, timeoutMs = 5_000) {
        await stream.waitFor(() => received().some(predicate), timeoutMs);
        return received().find(predicate) as ReceivedEnvelope;
      },
      close: () => stream.close(),
    };
  },

  recordConnections(page) {
    const urls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/events') urls.push(request.url());
    });
    return () => urls;
  },

  connectionUrl(baseUrl) {
    return `${baseUrl}/events`;
  },

  async holdConnection(page) {
    const gate = deferred();
    await page.route(
      (url) => url.pathname === '/events',
      async (route) => {
        await gate.promise;
        await route.continue();
      },
    );
    return { release: gate.resolve };
  },
};

/** Is this a `chat.message` envelope carrying `text`? */
export function isMessageEnvelope(envelope: ReceivedEnvelope, text: string): boolean {
  if (envelope.event !== 'chat.message') return false;
  const data = envelope.data as { message?: unknown } | null;
  return data?.message === text;
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
