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
  // 🐨 TODO 1.3: empty the table (resetTable), then add every notification (addToTable). No toasts.
}

/** Every later answer: a row and a toast for a notification not seen before; an update for a changed one. */
function showChange(notification: Notification): void {
  const seen = lastAnswer.get(notification.id);
  // 🐨 TODO 1.4: a notification the last answer did not have (`seen` is undefined) is new: add it to the
  //    table and flash it (flashNotification).
  // 💯 TODO 1.6 (bonus): a known one whose JSON differs from `seen` has changed (more progress): update its
  //    row (addToTable) and its toast (updateFlashNotification). Leave unchanged ones alone: addToTable
  //    would light up their rows again on every poll.
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
