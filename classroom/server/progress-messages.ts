// What travels between `pnpm verify`, the class server and the instructor's console: one place for the types,
// so the sender, the server and the page cannot disagree.

export type CheckOutcome = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** The check's full title, e.g. "Part 2 · server (server/poll-route.ts) › the page polls your server". */
  title: string;
  outcome: CheckOutcome;
}

/** `POST /progress`: a student's last `pnpm verify` of one exercise. Only the name and the results. */
export interface ProgressReport {
  name: string;
  /** Two digits, e.g. "03". */
  exercise: string;
  checks: CheckResult[];
}

/** What the board shows for one student and exercise. */
export interface StudentProgress extends ProgressReport {
  /** When the class server got the report (ISO 8601). */
  reportedAt: string;
}

/** Traffic of one exercise on the class server, counted at its front door. */
export interface RouteTraffic {
  prefix: string;
  webSockets: number;
  /** Open `text/event-stream` answers (SSE). */
  eventStreams: number;
  /** Requests waiting for their answer: long polls, mostly. */
  openRequests: number;
  requestsLastMinute: number;
}

/**
 * `GET /instructor/events` (instructor key): `event: snapshot` first (every row of the board), then
 * `event: progress` per report, and `event: room` with the traffic every few seconds.
 */
export interface ConsoleEvents {
  snapshot: StudentProgress[];
  progress: StudentProgress;
  room: RouteTraffic[];
}

export const PROGRESS_LIMITS = {
  nameLength: 40,
  checks: 200,
  titleLength: 300,
} as const;
