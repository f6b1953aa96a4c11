// What the arena and its child process of simulated clients say to each other (simulated-clients.ts).
import type { TechniqueId } from './technique-servers';

/** What the arena tells the child: where the techniques are, and how many clients each should have. */
export type SimulatorCommand =
  | {
      type: 'setup';
      urls: Record<TechniqueId, string>;
      lastId: number;
      pubsubTokenUrl: string;
      pollIntervalMs: number;
      /** Clients per technique at most. */
      maxClients: number;
      /** How often the child reports its counts. */
      reportEveryMs: number;
    }
  /** New clients start after `lastId`, the feed's newest now: they do not replay what came before them. */
  | { type: 'clients'; counts: Partial<Record<TechniqueId, number>>; lastId: number }
  | { type: 'interval'; pollIntervalMs: number };

/** What the child reports once a second, per technique. */
export interface SimulatedCounts {
  id: TechniqueId;
  clients: number;
  received: number;
  lost: number;
  p50: number | null;
  p99: number | null;
}

/** The page's slider goes this far; `pnpm bench` starts the arena with more. */
export const MAX_SIMULATED_CLIENTS = 1_000;
