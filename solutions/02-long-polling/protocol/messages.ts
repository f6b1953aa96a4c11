/** A notification as it travels from server to client. */
export interface Notification {
  /** Unique per server run. */
  id: string;
  /** One-line summary, shown bold. */
  title: string;
  /** The full text. */
  message: string;
  /** When it was created, as ISO 8601 (`2026-11-29T09:15:00.000Z`). */
  time: string;
  /** `"progress"` marks a notification whose `progress` climbs to 100 in `notification-update` changes. */
  type?: 'progress';
  /** Percent done, 0–100; only on progress notifications. */
  progress?: number;
}

/** Where the client asks for news; from the second request on with `?since=<cursor>`. */
export const UPDATES_PATH = '/api/notifications/updates';

/** One thing that happened on the server; the same names as the events of the SSE exercise (03). */
export type Change =
  /** A new notification. */
  | { event: 'notification'; notification: Notification }
  /** A newer version of a notification already sent (same `id`), e.g. more progress. */
  | { event: 'notification-update'; notification: Notification };

/**
 * The answer to the first request (no `since`), and to a cursor the server cannot continue from
 * (too old, or from before a server restart): the whole list, so the client starts over.
 */
export interface InitialAnswer {
  kind: 'initial';
  /** Send it back as `?since=` next time. Only the server knows what it means; the client never reads it. */
  cursor: string;
  /** All stored notifications, oldest first. */
  notifications: Notification[];
}

/** Everything that happened after the client's cursor, oldest first, in one batch. */
export interface ChangesAnswer {
  kind: 'changes';
  /** The cursor after the last of these changes: ask with it next time. */
  cursor: string;
  /** Never empty: with nothing to say, the server waits, and finally answers 204 No Content. */
  changes: Change[];
}

/**
 * A `200 OK` answer of `GET /api/notifications/updates`, as JSON. The other answers: `204 No Content`
 * (nothing new in time: ask again with the same cursor) and `400` with `{ "error": "…" }` for a bad query.
 */
export type UpdatesAnswer = InitialAnswer | ChangesAnswer;
