// The SSE variant of the chat: the server talks over an event stream, the page talks back with POST.
import {
  setConnectionStatus,
  setFormDisabledState,
  setOnSubmit,
  showRetryCountdown,
} from '@realtime-workshop/shared-ui';
import type { ChatInput } from '../protocol/messages';
import { readData, showHistory, showMessage } from './chat-display';
import { REFERENCE_SERVER, YOUR_SERVER } from './server-origins';

// 🐨 TODO S2.3: once your server works (Part 2), talk to YOUR_SERVER instead.
const EVENTS_URL = `${REFERENCE_SERVER}/events`;
const MESSAGES_URL = `${REFERENCE_SERVER}/messages`;
// EventSource gives up for good on a non-200 answer; then we start a new one after this long.
const RESTART_DELAY_MS = 5_000;

function connect(): void {
  setConnectionStatus('connecting');
  setFormDisabledState(true);
  // 🐨 TODO S1.1: open an EventSource on EVENTS_URL.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/EventSource/EventSource
  // 🐨 TODO S1.2: on its `open` event, show "open" (setConnectionStatus) and enable the form
  //    (setFormDisabledState(false)); on its `error` event, call handleError(source).
  // 🐨 TODO S1.3: on the "chat.initial" event, showHistory(readData('chat.initial', event.data) ?? []);
  //    on "chat.message", showMessage the message that readData returns (if any).
}

function handleError(source: EventSource): void {
  setFormDisabledState(true);
  // CONNECTING: the browser reconnects by itself (after the server's `retry:` delay) and resumes with
  // Last-Event-ID, so nothing is missed.
  if (source.readyState === EventSource.CONNECTING) {
    setConnectionStatus('connecting', 'reconnecting…');
    return;
  }
  // CLOSED: the server answered with an error or no event stream, so the browser stopped trying.
  showRetryCountdown('error', RESTART_DELAY_MS, 'retrying');
  setTimeout(connect, RESTART_DELAY_MS);
}

async function sendMessage(input: ChatInput): Promise<void> {
  try {
    // 🐨 TODO S1.4: POST the input as JSON to MESSAGES_URL (method, a Content-Type header and the body),
    //    and delete the placeholder answer below.
    //    📜 https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API/Using_Fetch#setting_a_body
    const response = new Response('{"error":"Not sent yet: see TODO S1.4 in client/index.sse.ts."}', {
      status: 501,
    });
    // Our own message comes back over the event stream, like everyone else's.
    if (response.ok) return;
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    // The server says why, e.g. "Too many messages from your address: at most 100 per 10 s. Try again in 4 s."
    setConnectionStatus('open', `message not sent: ${body.error ?? `HTTP ${response.status}`}`);
    return;
  } catch (error) {
    console.warn('Could not send the message:', error);
  }
  setConnectionStatus('open', 'message not sent');
}

setOnSubmit((input) => {
  // Clears an earlier "message not sent".
  setConnectionStatus('open');
  void sendMessage(input);
});

connect();
