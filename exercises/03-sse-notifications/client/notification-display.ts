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
  // 🐨 TODO 1.3: empty the table (resetTable), then add every notification (addToTable).
  //    Remember each id in flashedIds, so these are never flashed later.
}

/** `notification`: a new row, and a toast unless this one was flashed before. */
export function showNew(notification: ServerEvents['notification'] | undefined): void {
  if (!notification) return;
  // 🐨 TODO 1.4: add it to the table; flash it (flashNotification) unless flashedIds has its id,
  //    then remember the id.
}

/** `notification-update`: the same notification with new progress, in its row and its toast. */
export function showUpdate(notification: ServerEvents['notification-update'] | undefined): void {
  if (!notification) return;
  // 💯 TODO 1.5 (bonus): update its row (addToTable updates a row with the same id) and its toast
  //    (updateFlashNotification).
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
