import { setConnectionStatus, showRetryCountdown } from '@realtime-workshop/shared-ui';
import { readData, showInitial, showNew, showUpdate } from './notification-display';
import { REFERENCE_SERVER, YOUR_SERVER } from './server-origins';

// 🐨 TODO 2.6: once your server works (Part 2), listen to YOUR_SERVER instead.
const STREAM_URL = `${REFERENCE_SERVER}/sse`;
// EventSource gives up for good on a non-200 answer; then we start a new one after this long.
const RESTART_DELAY_MS = 5_000;

// #region event-source
function connect(): void {
  // 🐨 TODO 1.1: show "connecting" (setConnectionStatus) and open an EventSource on STREAM_URL.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/EventSource/EventSource
  // 🐨 TODO 1.2: show "open" on the `open` event; on the `error` event call handleError(source).
  // 🐨 TODO 1.3: on the `initial` event, call showInitial(readData('initial', event.data)).
  // 🐨 TODO 1.4: on the `notification` event, call showNew the same way.
  // 💯 TODO 1.5 (bonus): on the `notification-update` event, call showUpdate.
}
// #endregion event-source

function handleError(source: EventSource): void {
  // CONNECTING: the browser reconnects by itself (after the server's `retry:` delay).
  if (source.readyState === EventSource.CONNECTING) {
    setConnectionStatus('connecting', 'reconnecting…');
    return;
  }
  // CLOSED: the server answered with an error or no event stream, so the browser stopped trying.
  showRetryCountdown('error', RESTART_DELAY_MS, 'retrying');
  setTimeout(connect, RESTART_DELAY_MS);
}

connect();
