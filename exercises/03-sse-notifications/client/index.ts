import {
  addToTable,
  flashNotification,
  resetTable,
  setConnectionStatus,
  updateFlashNotification,
} from '@realtime-workshop/shared-ui';
import type { ServerEventName, ServerEvents } from '../protocol/messages';
import { REFERENCE_SERVER, YOUR_SERVER } from './server-origins';

// 🐨 TODO 2.6: once your server works (Part 2), listen to YOUR_SERVER instead.
const STREAM_URL = `${REFERENCE_SERVER}/sse`;
// EventSource gives up for good on a non-200 answer; then we start a new one after this long.
const RESTART_DELAY_MS = 5_000;

// Ids that already had a toast, so a reconnect never flashes the same notification twice.
const flashedIds = new Set<string>();

function connect(): void {
  // 🐨 TODO 1.1: open an EventSource on STREAM_URL.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/EventSource/EventSource
  // 🐨 TODO 1.2: show the connection state: "connecting" now, "open" on the `open` event,
  //    and call handleError(source) on the `error` event.
  // 🐨 TODO 1.3: on the `initial` event, call showInitial with readData('initial', event).
  // 🐨 TODO 1.4: on the `notification` event, call showNew.
  // 💯 TODO 1.5 (bonus): on the `notification-update` event, call showUpdate.
}

function showInitial(notifications: ServerEvents['initial'] | undefined): void {
  if (!notifications) return;
  // 🐨 TODO 1.3: empty the table, then add every notification and remember its id in flashedIds.
}

function showNew(notification: ServerEvents['notification'] | undefined): void {
  if (!notification) return;
  // 🐨 TODO 1.4: add it to the table; flash it unless its id is in flashedIds (then remember it).
}

function showUpdate(notification: ServerEvents['notification-update'] | undefined): void {
  if (!notification) return;
  // 💯 TODO 1.5 (bonus): update its row in the table and its toast.
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
