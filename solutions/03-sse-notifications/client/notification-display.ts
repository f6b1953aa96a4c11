import {
  addToTable,
  flashNotification,
  resetTable,
  updateFlashNotification,
} from '@realtime-workshop/shared-ui';
import type { ServerEventName, ServerEvents } from '../protocol/messages';

// Ids that already had a toast, so a reconnect never flashes the same notification twice.
const flashedIds = new Set<string>();

/** `initial`: the whole list replaces whatever the table showed. */
export function showInitial(notifications: ServerEvents['initial'] | undefined): void {
  if (!notifications) return;
  resetTable();
  // A fresh list replaces everything; after a server restart, ids may start over.
  flashedIds.clear();
  for (const notification of notifications) {
    addToTable(notification);
    flashedIds.add(notification.id);
  }
}

/** `notification`: a new row, and a toast unless this one was flashed before. */
export function showNew(notification: ServerEvents['notification'] | undefined): void {
  if (!notification) return;
  addToTable(notification);
  if (flashedIds.has(notification.id)) return;
  flashedIds.add(notification.id);
  flashNotification(notification);
}

/** `notification-update`: the same notification with new progress, in its row and its toast. */
export function showUpdate(notification: ServerEvents['notification-update'] | undefined): void {
  if (!notification) return;
  addToTable(notification);
  updateFlashNotification(notification);
}

/** Parses an event's JSON; a malformed event is reported and skipped instead of breaking the page. */
export function readData<Name extends ServerEventName>(
  name: Name,
  data: string,
): ServerEvents[Name] | undefined {
  try {
    return JSON.parse(data) as ServerEvents[Name];
  } catch {
    console.warn(`Ignored a "${name}" event whose data is not JSON:`, data);
    return undefined;
  }
}
