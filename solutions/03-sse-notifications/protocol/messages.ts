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
  /** `"progress"` marks a notification whose `progress` climbs to 100 through `notification-update` events. */
  type?: 'progress';
  /** Percent done, 0–100; only on progress notifications. */
  progress?: number;
}

/** Every event on the `/sse` stream, by name, with the JSON in its `data` field. */
export interface ServerEvents {
  /** Sent first on every new connection: all stored notifications, oldest first. */
  initial: Notification[];
  /** A new notification. */
  notification: Notification;
  /** A newer version of a notification already sent (same `id`), e.g. more progress. */
  'notification-update': Notification;
}

export type ServerEventName = keyof ServerEvents;
