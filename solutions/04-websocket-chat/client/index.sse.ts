// The SSE variant of the chat: the server talks over an event stream, the page talks back with POST.
import {
  setConnectionStatus,
  setFormDisabledState,
  setOnSubmit,
  showRetryCountdown,
} from '@realtime-workshop/shared-ui';
import type { ChatInput } from '../protocol/messages';
import { readData, showHistory, showMessage } from './chat-display';
import { YOUR_SERVER } from './server-origins';

// Part 2 is done, so the page talks to your server; in Part 1 it used REFERENCE_SERVER.
const EVENTS_URL = `${YOUR_SERVER}/events`;
const MESSAGES_URL = `${YOUR_SERVER}/messages`;
// EventSource gives up for good on a non-200 answer; then we start a new one after this long.
const RESTART_DELAY_MS = 5_000;

function connect(): void {
  setConnectionStatus('connecting');
  setFormDisabledState(true);
  const source = new EventSource(EVENTS_URL);

  source.addEventListener('open', () => {
    setConnectionStatus('open');
    setFormDisabledState(false);
  });
  source.addEventListener('error', () => handleError(source));
  source.addEventListener('chat.initial', (event) => {
    showHistory(readData('chat.initial', event.data) ?? []);
  });
  source.addEventListener('chat.message', (event) => {
    const message = readData('chat.message', event.data);
    if (message) showMessage(message);
  });
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
    const response = await fetch(MESSAGES_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
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
