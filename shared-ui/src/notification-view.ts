/** A notification as the UI shows it: the same shape the servers of exercises 01–03 send. */
export interface NotificationView {
  /** Unique; a second notification with the same id updates the first. */
  id: string;
  title: string;
  message: string;
  /** When it was created, as ISO 8601, e.g. `2026-11-29T09:15:00.000Z`. */
  time: string;
  /** `'progress'` marks a notification whose `progress` climbs to 100 through updates. */
  type?: 'progress';
  /** Percent done, 0–100; only on progress notifications. */
  progress?: number;
}

/** True for notifications that show a progress bar. */
export function isProgressNotification(notification: NotificationView): boolean {
  return notification.type === 'progress';
}

/** The progress as a whole number from 0 to 100; a missing or broken value counts as 0. */
export function progressPercent(notification: NotificationView): number {
  const progress = notification.progress ?? 0;
  if (!Number.isFinite(progress)) return 0;
  // Round down: 99.6 % is not finished yet, and only 100 counts as done.
  return Math.min(100, Math.max(0, Math.floor(progress)));
}

/** True once a progress notification has reached 100 %. */
export function isFinished(notification: NotificationView): boolean {
  return isProgressNotification(notification) && progressPercent(notification) === 100;
}
