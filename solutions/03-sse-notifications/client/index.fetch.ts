// Bonus: the same page as index.ts, but on our own fetch-based SSE client instead of EventSource.
import { setConnectionStatus, showRetryCountdown } from '@realtime-workshop/shared-ui';
import { connectFetchEventSource } from './fetch-event-source';
import { readData, showInitial, showNew, showUpdate } from './notification-display';
import { YOUR_SERVER } from './server-origins';
import type { ServerSentEvent } from './sse-parser';

const STREAM_URL = `${YOUR_SERVER}/sse`;

function handleEvent(event: ServerSentEvent): void {
  switch (event.type) {
    case 'initial':
      showInitial(readData('initial', event.data));
      return;
    case 'notification':
      showNew(readData('notification', event.data));
      return;
    case 'notification-update':
      showUpdate(readData('notification-update', event.data));
      return;
  }
}

setConnectionStatus('connecting');
connectFetchEventSource(STREAM_URL, {
  onEvent: handleEvent,
  onOpen: () => setConnectionStatus('open'),
  onDisconnect: ({ error, delayMs }) => {
    // A bonus TODO not written yet is no network trouble: say so, not "reconnecting" for ever.
    if (error?.message.startsWith('TODO')) {
      setConnectionStatus('error', error.message);
      return;
    }
    showRetryCountdown('connecting', delayMs);
  },
  onStop: ({ error }) => setConnectionStatus('closed', error?.message ?? 'the server ended the stream'),
});
