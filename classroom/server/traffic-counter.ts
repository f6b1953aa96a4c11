// What the room is doing right now, counted at the class server's front door: per exercise, the open
// WebSockets, the open event streams, the requests waiting for an answer (long polls) and the requests of the
// last minute (short polling). The reference servers need no change for it.
import type { RouteTraffic } from './progress-messages';

/** One request as the counter sees it; each method counts once, however often it is called. */
export interface Exchange {
  /** The answer is an event stream (text/event-stream): it stays open until one side leaves. */
  streamStarted(): void;
  ended(): void;
}

interface Counts {
  webSockets: number;
  eventStreams: number;
  openRequests: number;
  /** Requests per second of the last minute, as [second, count] in a ring of 60. */
  seconds: { second: number; count: number }[];
}

const MINUTE_SECONDS = 60;

export class TrafficCounter {
  readonly #routes = new Map<string, Counts>();
  readonly #now: () => number;

  constructor(prefixes: readonly string[], now: () => number = Date.now) {
    this.#now = now;
    for (const prefix of prefixes) {
      const seconds = Array.from({ length: MINUTE_SECONDS }, () => ({ second: -1, count: 0 }));
      this.#routes.set(prefix, { webSockets: 0, eventStreams: 0, openRequests: 0, seconds });
    }
  }

  requestStarted(prefix: string): Exchange {
    const counts = this.#counts(prefix);
    this.#countRequest(counts);
    counts.openRequests += 1;
    let state: 'open' | 'stream' | 'ended' = 'open';
    return {
      streamStarted() {
        if (state !== 'open') return;
        state = 'stream';
        counts.openRequests -= 1;
        counts.eventStreams += 1;
      },
      ended() {
        if (state === 'open') counts.openRequests -= 1;
        if (state === 'stream') counts.eventStreams -= 1;
        state = 'ended';
      },
    };
  }

  /** Counts an open WebSocket; call what it returns when it closes (more calls do nothing). */
  webSocketOpened(prefix: string): () => void {
    const counts = this.#counts(prefix);
    counts.webSockets += 1;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      counts.webSockets -= 1;
    };
  }

  snapshot(): RouteTraffic[] {
    const nowSecond = Math.floor(this.#now() / 1000);
    return [...this.#routes].map(([prefix, counts]) => ({
      prefix,
      webSockets: counts.webSockets,
      eventStreams: counts.eventStreams,
      openRequests: counts.openRequests,
      requestsLastMinute: counts.seconds
        .filter((slot) => slot.second > nowSecond - MINUTE_SECONDS)
        .reduce((sum, slot) => sum + slot.count, 0),
    }));
  }

  #countRequest(counts: Counts): void {
    const second = Math.floor(this.#now() / 1000);
    const slot = counts.seconds[second % MINUTE_SECONDS];
    if (!slot) return;
    if (slot.second !== second) {
      slot.second = second;
      slot.count = 0;
    }
    slot.count += 1;
  }

  #counts(prefix: string): Counts {
    const counts = this.#routes.get(prefix);
    if (!counts) throw new Error(`No class route ${prefix}.`);
    return counts;
  }
}
