/** A notification as it travels from server to client. */
export interface Notification {
  /** Unique, also across server restarts: it starts with a prefix that is new on every server run. */
  id: string;
  /** One-line summary, shown bold. */
  title: string;
  /** The full text. */
  message: string;
  /** When it was created, as ISO 8601 (`2026-11-29T09:15:00.000Z`). */
  time: string;
  /** `"progress"` marks a notification whose `progress` climbs to 100; every poll shows the current value. */
  type?: 'progress';
  /** Percent done, 0–100; only on progress notifications. */
  progress?: number;
}

/**
 * `GET /api/notifications` answers with every stored notification, oldest first (`?limit=n`: only the newest
 * n). Headers that come with it:
 * - `ETag: "<version>"` names this state of the list; sent back as `If-None-Match`, it gets
 *   `304 Not Modified` with no body while nothing changed.
 * - `Retry-After: <seconds>` comes with `429 Too Many Requests`: wait that long before the next poll.
 */
export type NotificationList = Notification[];

/** The body of every error answer (400, 404, 413, 415, 429), e.g. `{"error": "Unknown query parameter …"}`. */
export interface ErrorBody {
  error: string;
}
