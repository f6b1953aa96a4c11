import {
  addToTable,
  flashNotification,
  resetTable,
  setConnectionStatus,
  updateFlashNotification,
} from '@realtime-workshop/shared-ui';
import type { ServerEventName, ServerEvents } from '../protocol/messages';
import { YOUR_SERVER } from './server-origins';

// Part 2 is done, so the page listens to your server; in Part 1 it used REFERENCE_SERVER.
const STREAM_URL = `${YOUR_SERVER}/sse`;
// EventSource gives up for good on a non-200 answer; then we start a new one after this long.
const RESTART_DELAY_MS = 5_000;

// Ids that already had a toast, so a reconnect never flashes the same notification twice.
const flashedIds = new Set<string>();

function connect(): void {
  setConnectionStatus('connecting');
  const source = new EventSource(STREAM_URL);

  source.addEventListener('open', () => setConnectionStatus('open'));
  source.addEventListener('error', () => handleError(source));
  source.addEventListener('initial', (event) => showInitial(readData('initial', event)));
  source.addEventListener('notification', (event) => showNew(readData('notification', event)));
  source.addEventListener('notification-update', (event) =>
    showUpdate(readData('notification-update', event)),
  );
}

function showInitial(notifications: ServerEvents['initial'] | undefined): void {
  if (!notifications) return;
  resetTable();
  // A fresh list replaces everything; after a server restart, ids may start over.
  flashedIds.clear();
  for (const notification of notifications) {
    addToTable(notification);
    flashedIds.add(notification.id);
  }
}

function showNew(notification: ServerEvents['notification'] | undefined): void {
  if (!notification) return;
  addToTable(notification);
  if (flashedIds.has(notification.id)) return;
  flashedIds.add(notification.id);
  flashNotification(notification);
}

function showUpdate(notification: ServerEvents['notification-update'] | undefined): void {
  if (!notification) return;
  addToTable(notification);
  updateFlashNotification(notification);
}

function handleError(source: EventSource): void {
  // CONNECTING: the browser reconnects by itself (after the server's `retry:` delay).
  if (source.readyState === EventSource.CONNECTING) {
    setConnectionStatus('connecting', 'reconnecting…');
    return;
  }
  // CLOSED: the server answered with an error or no event stream, so the browser stopped trying.
  setConnectionStatus('error', `retrying in ${RESTART_DELAY_MS / 1000} s`);
  setTimeout(connect, RESTART_DELAY_MS);
}

/** Parses an event's JSON; a malformed event is reported and skipped instead of breaking the page. */
function readData<Name extends ServerEventName>(
  name: Name,
  event: MessageEvent<string>,
): ServerEvents[Name] | undefined {
  try {
    return JSON.parse(event.data) as ServerEvents[Name];
  } catch {
    console.warn(`Ignored a "${name}" event whose data is not JSON:`, event.data);
    return undefined;
  }
}

connect();
