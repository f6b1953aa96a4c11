// What travels between `pnpm verify`, the class server and the instructor's progress board: one place for
// the types, so the sender, the server and the page cannot disagree.

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

/** `GET /progress/events`: `event: snapshot` first (every row), then `event: progress` per report. */
export interface ProgressEvents {
  snapshot: StudentProgress[];
  progress: StudentProgress;
}

export const PROGRESS_LIMITS = {
  nameLength: 40,
  checks: 200,
  titleLength: 300,
} as const;
