import { setConnectionStatus, showRetryCountdown } from '@realtime-workshop/shared-ui';
import { readData, showInitial, showNew, showUpdate } from './notification-display';
import { YOUR_SERVER } from './server-origins';

// Part 2 is done, so the page listens to your server; in Part 1 it used REFERENCE_SERVER.
const STREAM_URL = `${YOUR_SERVER}/sse`;
// EventSource gives up for good on a non-200 answer; then we start a new one after this long.
const RESTART_DELAY_MS = 5_000;

// #region event-source
function connect(): void {
  setConnectionStatus('connecting');
  const source = new EventSource(STREAM_URL);

  source.addEventListener('open', () => setConnectionStatus('open'));
  source.addEventListener('error', () => handleError(source));
  source.addEventListener('initial', (event) => showInitial(readData('initial', event.data)));
  source.addEventListener('notification', (event) => showNew(readData('notification', event.data)));
  source.addEventListener('notification-update', (event) => {
    showUpdate(readData('notification-update', event.data));
  });
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
