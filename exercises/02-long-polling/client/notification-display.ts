import {
  addToTable,
  flashNotification,
  resetTable,
  updateFlashNotification,
} from '@realtime-workshop/shared-ui';
import type { Notification } from '../protocol/messages';

// Ids that already had a toast, so a repeated answer never flashes the same notification twice.
const flashedIds = new Set<string>();

/** `initial`: the whole list replaces whatever the table showed. */
export function showInitial(notifications: Notification[]): void {
  resetTable();
  // A fresh list replaces everything; after a server restart, ids may start over.
  flashedIds.clear();
  for (const notification of notifications) {
    addToTable(notification);
    flashedIds.add(notification.id);
  }
}

/** `notification`: a new row, and a toast unless this one was flashed before. */
export function showNew(notification: Notification): void {
  addToTable(notification);
  if (flashedIds.has(notification.id)) return;
  flashedIds.add(notification.id);
  flashNotification(notification);
}

/** `notification-update`: the same notification with new progress, in its row and its toast. */
export function showUpdate(notification: Notification): void {
  addToTable(notification);
  updateFlashNotification(notification);
}
