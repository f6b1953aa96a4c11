// What `pnpm bench fan-out` and its two child processes say to each other: the server under test
// (fan-out-server.ts) and the clients (fan-out-clients.ts). Each in a process of its own, so the server's RSS and
// CPU time are its own and the clients' work does not slow it down.

/** Every server the fan-out benchmark compares. */
export type ContenderId =
  | 'chat-04'
  | 'bare-ws'
  | 'socket-io'
  | 'sse-03'
  | 'bare-sse'
  | 'broker-05-memory'
  | 'broker-05-redis'
  | 'bare-ws-publish';

/** How a client connects, how a broadcast is started, and where its payload is in what arrives. */
export type ClientKind = 'chat' | 'socket-io' | 'sse' | 'broker' | 'bare-publish';

/** The fan-out server child tells the bench where it listens, and what a client needs to get in. */
export interface ServerReady {
  type: 'ready';
  port: number;
  /** The broker's: a subscribe token for the bench's channel, and the key to publish. */
  subscribeToken?: string;
  publisherKey?: string;
}

/** Its memory (after a full garbage collection) and CPU time so far. */
export interface ServerUsage {
  type: 'usage';
  rssBytes: number;
  /** The JavaScript heap in use: what the connections hold, without what the heap keeps in reserve. */
  heapUsedBytes: number;
  cpuMicros: number;
}

export type ServerCommand = { type: 'usage' };

/** What the bench asks the clients' child to do; each is answered with one ClientReply. */
export type ClientCommand =
  | {
      type: 'connect';
      contender: ContenderId;
      kind: ClientKind;
      /** Client i connects to baseUrls[i % length]: several brokers share the clients (scale-out). */
      baseUrls: string[];
      /** Sent again for the same contender, it adds this many clients to those there are. */
      count: number;
      /** Client i subscribes to channel "bench-(i % channels)" (broker only; default 1). */
      channels?: number;
      /** Where each client connects (WebSocket or SSE), e.g. "/sse". */
      path: string;
      /** Where a broadcast is published by HTTP POST; without it the first client sends it. */
      publishPath?: string;
      subscribeToken?: string;
      publisherKey?: string;
    }
  /** One message at a time, each once the one before reached every client. */
  | { type: 'broadcast'; contender: ContenderId; times: number }
  /** Messages at a steady rate, round-robin over the channels and brokers, whether or not earlier ones arrived. */
  | { type: 'load'; contender: ContenderId; perSecond: number; durationMs: number }
  | { type: 'usage'; contender: ContenderId }
  | { type: 'disconnect'; contender: ContenderId };

export type ClientReply =
  | { type: 'connected'; contender: ContenderId; count: number }
  /** Publish-to-arrival delay of every delivery (ms), and deliveries that did not arrive within the bound. */
  | { type: 'delivered'; contender: ContenderId; delaysMs: number[]; lost: number }
  | { type: 'disconnected'; contender: ContenderId }
  /** The clients' own CPU time so far: one process on one core, so it can be the limit of a run. */
  | { type: 'usage'; contender: ContenderId; cpuMicros: number }
  | { type: 'failed'; contender: ContenderId; reason: string };

/** The broker channel of client i: "bench-0", "bench-1", … */
export function benchChannel(index: number, channels: number): string {
  return `bench-${index % channels}`;
}
/** An origin the servers under test let in; Node's clients send it as a browser would. */
export const BENCH_ORIGIN = 'http://127.0.0.1:5173';
