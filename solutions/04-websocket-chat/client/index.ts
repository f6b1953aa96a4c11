import {
  setConnectionStatus,
  setFormDisabledState,
  setOnSubmit,
  showRetryCountdown,
} from '@realtime-workshop/shared-ui';
import type { ClientEnvelope, ServerEnvelope } from '../protocol/messages';
import { readServerEnvelope, showHistory, showMessage } from './chat-display';
import { ReconnectBackoff } from './reconnect-backoff';
import { YOUR_SERVER } from './server-origins';

// Part 2 is done, so the page talks to your server; in Part 1 it used REFERENCE_SERVER.
// The WebSocket is on the same host and port as the server's HTTP, with ws:// instead of http://.
const CHAT_URL = YOUR_SERVER.replace(/^http/, 'ws');

/** The open (or opening) connection; `undefined` while we wait to reconnect or the page is hidden. */
let socket: WebSocket | undefined;
/** Each failed attempt doubles the wait before the next one. */
const backoff = new ReconnectBackoff();
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

// #region connect
function connect(): void {
  setConnectionStatus('connecting');
  setFormDisabledState(true);
  const current = new WebSocket(CHAT_URL);
  socket = current;

  current.addEventListener('open', () => {
    backoff.reset();
    setConnectionStatus('open');
    setFormDisabledState(false);
  });
  current.addEventListener('message', (event) => handleEnvelope(readServerEnvelope(event.data)));
  // `close` follows every `error` too, and also a connection that never opened.
  current.addEventListener('close', () => handleClose(current));
}
// #endregion connect

function handleEnvelope(envelope: ServerEnvelope | undefined): void {
  switch (envelope?.event) {
    case 'chat.initial':
      showHistory(envelope.data);
      return;
    case 'chat.message':
      showMessage(envelope.data);
      return;
    case 'error':
      setConnectionStatus('open', `message not sent: ${envelope.data.reason}`);
      return;
  }
}

function handleClose(closed: WebSocket): void {
  // A socket we closed on purpose (pagehide) is no longer the current one: nothing to do.
  if (closed !== socket) return;
  socket = undefined;
  setFormDisabledState(true);
  const delayMs = backoff.nextDelay();
  showRetryCountdown('closed', delayMs);
  reconnectTimer = setTimeout(connect, delayMs);
}

// #region send
setOnSubmit(({ username, message }) => {
  // The form is disabled while we are not connected, so this is only a safety net.
  if (socket?.readyState !== WebSocket.OPEN) return;
  const envelope: ClientEnvelope = { event: 'chat', data: { username, message } };
  socket.send(JSON.stringify(envelope));
  // Clears an earlier "message not sent".
  setConnectionStatus('open');
});
// #endregion send

// An open WebSocket keeps the page out of the browser's back/forward cache. Close it when the page is
// hidden (another page opened in this tab)…
window.addEventListener('pagehide', () => {
  clearTimeout(reconnectTimer);
  const hidden = socket;
  socket = undefined;
  hidden?.close(1000, 'Page hidden');
});

// …and connect again when the page comes back from that cache. On a fresh load `persisted` is false and
// the connect() below has already run.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) connect();
});

connect();
