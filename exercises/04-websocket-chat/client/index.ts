import {
  setConnectionStatus,
  setFormDisabledState,
  setOnSubmit,
  showRetryCountdown,
} from '@realtime-workshop/shared-ui';
import type { ClientEnvelope, ServerEnvelope } from '../protocol/messages';
import { readServerEnvelope, showHistory, showMessage } from './chat-display';
import { ReconnectBackoff } from './reconnect-backoff';
import { REFERENCE_SERVER, YOUR_SERVER } from './server-origins';

// 🐨 TODO 2.4: once your server works (Part 2), talk to YOUR_SERVER instead.
// The WebSocket is on the same host and port as the server's HTTP, with ws:// instead of http://.
const CHAT_URL = REFERENCE_SERVER.replace(/^http/, 'ws');

/** The open (or opening) connection; `undefined` while we wait to reconnect or the page is hidden. */
let socket: WebSocket | undefined;
/** Each failed attempt doubles the wait before the next one. */
const backoff = new ReconnectBackoff();
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

// #region connect
function connect(): void {
  setConnectionStatus('connecting');
  setFormDisabledState(true);
  // 🐨 TODO 1.1: open a WebSocket on CHAT_URL and keep it in `socket`.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/WebSocket/WebSocket
  // 🐨 TODO 1.2: on its `open` event, show "open" (setConnectionStatus) and enable the form
  //    (setFormDisabledState(false)). On its `close` event, call handleClose with the socket.
  //    💯 TODO 1.5: on `open`, also start the backoff over (backoff.reset()).
  // 🐨 TODO 1.3: on its `message` event, read event.data (readServerEnvelope) and pass the envelope
  //    to handleEnvelope.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/WebSocket/message_event
}
// #endregion connect

function handleEnvelope(envelope: ServerEnvelope | undefined): void {
  switch (envelope?.event) {
    // 🐨 TODO 1.3: "chat.initial" carries every stored message: showHistory(envelope.data).
    //    "chat.message" carries one new message: showMessage(envelope.data).
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
  setConnectionStatus('closed');
  // 💯 TODO 1.5: connect again instead of giving up: after backoff.nextDelay() milliseconds (keep the
  //    timer in reconnectTimer). Say so in the status: showRetryCountdown('closed', delayMs) counts down "reconnecting in 2 s".
}

// #region send
setOnSubmit(({ username, message }) => {
  // The form is disabled while we are not connected, so this is only a safety net.
  if (socket?.readyState !== WebSocket.OPEN) return;
  // 🐨 TODO 1.4: send a "chat" envelope, { event: 'chat', data: { username, message } }, as JSON text.
  //    Your own message comes back from the server as "chat.message", like everyone else's.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/WebSocket/send
  // Clears an earlier "message not sent".
  setConnectionStatus('open');
});
// #endregion send

// 💯 TODO 1.6: an open WebSocket keeps the page out of the browser's back/forward cache. On `pagehide`,
//    stop the reconnect timer and close the socket (set `socket` to undefined first, so handleClose ignores
//    it). On `pageshow`, connect() again if event.persisted (the page came back from that cache).
//    📜 https://web.dev/articles/bfcache

connect();
