// The simulated clients of the arena: a child process that runs up to 1,000 clients per technique (5,000 for
// `pnpm bench`) against the technique servers, each as the page's client does it, and reports what they received
// once a second. In a process of its own, so their work does not slow the servers' event loop that is measured.
import http from 'node:http';
import { createParser } from 'eventsource-parser';
import { WebSocket } from 'ws';
import type { ArenaNotification } from './notification-feed';
import type { SimulatedCounts, SimulatorCommand } from './simulator-messages';
import type { TechniqueId } from './technique-servers';

const RETRY_MS = 1_000;
const DELAY_WINDOW_MS = 60_000;

interface Client {
  lastId: number;
  stop(): void;
}

interface Tally {
  clients: Client[];
  received: number;
  lost: number;
  delays: Array<{ at: number; ms: number }>;
}

let setup: Extract<SimulatorCommand, { type: 'setup' }> | undefined;
const tallies = new Map<TechniqueId, Tally>();

process.on('message', (command: SimulatorCommand) => {
  if (command.type === 'setup') {
    setup = command;
    setInterval(report, command.reportEveryMs);
  }
  if (command.type === 'interval' && setup) setup.pollIntervalMs = command.pollIntervalMs;
  if (command.type === 'clients') {
    if (setup) setup.lastId = command.lastId;
    for (const [id, count] of Object.entries(command.counts) as Array<[TechniqueId, number]>)
      resize(id, count);
  }
});
// The arena went away: so do we.
process.on('disconnect', () => process.exit(0));

function resize(id: TechniqueId, wanted: number): void {
  if (!setup) return;
  const tally = tallyOf(id);
  const count = Math.max(0, Math.min(setup.maxClients, Math.floor(wanted)));
  // The delays describe the clients there are now.
  if (count !== tally.clients.length) tally.delays = [];
  while (tally.clients.length > count) tally.clients.pop()?.stop();
  while (tally.clients.length < count) tally.clients.push(START[id](setup.urls[id], setup.lastId, tally));
}

function tallyOf(id: TechniqueId): Tally {
  let tally = tallies.get(id);
  if (!tally) {
    tally = { clients: [], received: 0, lost: 0, delays: [] };
    tallies.set(id, tally);
  }
  return tally;
}

function report(): void {
  const now = Date.now();
  const counts: SimulatedCounts[] = [...tallies].map(([id, tally]) => {
    tally.delays = tally.delays.filter((delay) => delay.at > now - DELAY_WINDOW_MS);
    const sorted = tally.delays.map((delay) => delay.ms).sort((a, b) => a - b);
    return {
      id,
      clients: tally.clients.length,
      received: tally.received,
      lost: tally.lost,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
    };
  });
  process.send?.(counts);
}

function percentile(sorted: number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? null;
}

/**
 * Counts a notification once per client; a gap in the ids is a loss. Same machine, same clock. A client that
 * cannot ask for the feed's ids (the broker has ids of its own) starts at -1: its first notification is where
 * it starts counting.
 */
function deliver(client: Client, tally: Tally, notification: ArenaNotification): void {
  if (client.lastId < 0) client.lastId = notification.id - 1;
  if (notification.id <= client.lastId) return;
  tally.lost += notification.id - client.lastId - 1;
  client.lastId = notification.id;
  tally.received += 1;
  tally.delays.push({ at: Date.now(), ms: Date.now() - notification.publishedAt });
}

type Start = (url: string, lastId: number, tally: Tally) => Client;

const START: Record<TechniqueId, Start> = {
  'short-polling': (url, lastId, tally) => {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const client: Client = {
      lastId,
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
    const ask = () => {
      if (stopped) return;
      getJson(`${url}/notifications?since=${client.lastId}`, (found) => {
        for (const notification of found) deliver(client, tally, notification);
        timer = setTimeout(ask, setup?.pollIntervalMs ?? 3_000);
      });
    };
    // Spread out, as real devices are: not every client asks in the same millisecond.
    timer = setTimeout(ask, Math.random() * (setup?.pollIntervalMs ?? 3_000));
    return client;
  },
  'long-polling': (url, lastId, tally) => {
    let stopped = false;
    let request: http.ClientRequest | undefined;
    const client: Client = {
      lastId,
      stop: () => {
        stopped = true;
        request?.destroy();
      },
    };
    const ask = () => {
      if (stopped) return;
      request = getJson(`${url}/updates?since=${client.lastId}`, (found) => {
        for (const notification of found) deliver(client, tally, notification);
        ask();
      });
    };
    ask();
    return client;
  },
  sse: (url, lastId, tally) => {
    let request: http.ClientRequest | undefined;
    let stopped = false;
    const client: Client = {
      lastId,
      stop: () => {
        stopped = true;
        request?.destroy();
      },
    };
    const connect = () => {
      if (stopped) return;
      const parser = createParser({
        onEvent: (event) => deliver(client, tally, JSON.parse(event.data) as ArenaNotification),
      });
      request = http.get(
        `${url}/events`,
        { headers: { 'Last-Event-ID': String(client.lastId) } },
        (response) => {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => parser.feed(chunk));
          response.on('close', () => setTimeout(connect, RETRY_MS));
        },
      );
      request.on('error', () => {});
    };
    connect();
    return client;
  },
  websocket: (url, lastId, tally) => {
    let socket: WebSocket | undefined;
    let stopped = false;
    const client: Client = {
      lastId,
      stop: () => {
        stopped = true;
        socket?.terminate();
      },
    };
    const connect = () => {
      if (stopped) return;
      const current = new WebSocket(`${url.replace(/^http/, 'ws')}/?since=${client.lastId}`);
      socket = current;
      current.on('message', (data) => deliver(client, tally, JSON.parse(String(data)) as ArenaNotification));
      current.on('error', () => {});
      current.on('close', () => setTimeout(connect, RETRY_MS));
    };
    connect();
    return client;
  },
  pubsub: (url, _lastId, tally) => {
    let socket: WebSocket | undefined;
    let stopped = false;
    let lastMessageId: string | undefined;
    const client: Client = {
      lastId: -1,
      stop: () => {
        stopped = true;
        socket?.terminate();
      },
    };
    const connect = async () => {
      if (stopped || !setup) return;
      const { token } = (await (await fetch(setup.pubsubTokenUrl)).json()) as { token: string };
      const current = new WebSocket(
        `${url.replace(/^http/, 'ws')}/connect?token=${encodeURIComponent(token)}`,
        {
          headers: { Origin: new URL(setup.pubsubTokenUrl).origin },
        },
      );
      socket = current;
      current.on('open', () => {
        current.send(
          JSON.stringify({
            type: 'subscribe',
            channel: 'arena',
            ...(lastMessageId ? { since: lastMessageId } : {}),
          }),
        );
      });
      current.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; id?: string; data?: ArenaNotification };
        if (message.type !== 'message' || !message.data) return;
        lastMessageId = message.id;
        deliver(client, tally, message.data);
      });
      current.on('error', () => {});
      current.on('close', () => setTimeout(() => void connect().catch(() => {}), RETRY_MS));
    };
    void connect().catch(() => {});
    return client;
  },
};

/** GET and parse a JSON list; 204 or a failure is an empty list, after a pause for a failure. */
function getJson(url: string, onList: (list: ArenaNotification[]) => void): http.ClientRequest {
  const request = http.get(url, (response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      body += chunk;
    });
    response.on('end', () =>
      onList(response.statusCode === 200 ? (JSON.parse(body) as ArenaNotification[]) : []),
    );
  });
  request.on('error', () => setTimeout(() => onList([]), RETRY_MS));
  return request;
}
