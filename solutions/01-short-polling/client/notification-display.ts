import {
  addToTable,
  flashNotification,
  resetTable,
  updateFlashNotification,
} from '@realtime-workshop/shared-ui';
import type { Notification, NotificationList } from '../protocol/messages';

// The last answer, id → that notification as JSON. A poll always brings the whole list, so the client
// itself finds out what is new (an id not in here) and what changed (different JSON).
const lastAnswer = new Map<string, string>();
let hasAnswered = false;

/** Shows one answer of the server: the whole list, oldest first. */
export function showPollAnswer(notifications: NotificationList): void {
  if (isFreshStart(notifications)) {
    showInitial(notifications);
  } else {
    for (const notification of notifications) showChange(notification);
  }
  rememberAnswer(notifications);
}

/** The first answer fills the table without toasts: none of it is news to the reader. */
function showInitial(notifications: NotificationList): void {
  resetTable();
  for (const notification of notifications) addToTable(notification);
}

/** Every later answer: a row and a toast for a notification not seen before; an update for a changed one. */
function showChange(notification: Notification): void {
  const seen = lastAnswer.get(notification.id);
  if (seen === undefined) {
    addToTable(notification);
    flashNotification(notification);
    return;
  }
  // Unchanged ones are left alone: addToTable would light up every row again on every poll.
  if (seen === JSON.stringify(notification)) return;
  addToTable(notification);
  updateFlashNotification(notification);
}

/**
 * True for the first answer, and for one that shares no id with the last: the server restarted (ids carry a
 * per-run prefix), or more came than it keeps. Either way the list replaces the table, without toasts.
 */
function isFreshStart(notifications: NotificationList): boolean {
  if (!hasAnswered) return true;
  if (lastAnswer.size === 0) return false;
  return !notifications.some((notification) => lastAnswer.has(notification.id));
}

function rememberAnswer(notifications: NotificationList): void {
  hasAnswered = true;
  lastAnswer.clear();
  for (const notification of notifications) lastAnswer.set(notification.id, JSON.stringify(notification));
}
