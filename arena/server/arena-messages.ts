// What the arena's page and server say to each other, in one place.
import type { SimulatedCounts } from './simulator-messages';
import type { TechniqueId } from './technique-servers';

/** Behind a proxy on one port (the class server), the page finds each technique at `t/<id>` beside itself. */
export const TECHNIQUE_PATH = 't/';

/** `GET /api/arena`: where each technique is, and the settings now. */
export interface ArenaInfo {
  /** An address of its own port (`http://localhost:41234`), or behind a proxy a path beside the page (`t/sse`). */
  techniques: Array<{ id: TechniqueId; url: string }>;
  /** Behind the class server only the instructor's key changes the arena: without it the page disables its controls. */
  changesNeedKey: boolean;
  settings: ArenaSettings;
  /** The newest notification now: every column starts after it, so all five count from the same point. */
  lastId: number;
  /** The server's clock, so the page measures each delay against the time of publishing. */
  serverNow: number;
}

export interface ArenaSettings {
  /** A notification every this many milliseconds. */
  rateMs: number;
  /** Short polling asks this often. */
  pollIntervalMs: number;
  /** Clients the arena runs itself per technique (0–1,000), besides the page's own one. */
  simulatedClients: Record<TechniqueId, number>;
}

/** One technique's counts, measured on the server: its requests and the bytes on its sockets. */
export interface TechniqueCounts {
  id: TechniqueId;
  requests: number;
  emptyAnswers: number;
  bytes: number;
  openConnections: number;
}

/** `event: counts` on `GET /api/arena/events`, every second; `event: settings` after a change. */
export interface ArenaCounts {
  techniques: TechniqueCounts[];
  /** What the simulated clients received, lost and how late, per technique. */
  simulated: SimulatedCounts[];
  published: number;
}
