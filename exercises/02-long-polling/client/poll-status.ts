import { type ConnectionState, setConnectionStatus, showRetryCountdown } from '@realtime-workshop/shared-ui';

// An answer is handled in a millisecond and the next request leaves at once; "receiving" stays this
// long so that each answer can be seen.
const RECEIVING_SHOWN_MS = 400;
// A server that is down refuses a request within milliseconds; one still open after this long is held.
const RECONNECT_CHECK_MS = 1_000;

let shownState: ConnectionState | undefined;
/** Shows "waiting for news" once "receiving" or "reconnecting" has been on screen long enough. */
let waitingTimer: ReturnType<typeof setTimeout> | undefined;

/** The first request: nothing has come back yet, and the server answers it at once. */
export function showConnecting(): void {
  show('connecting');
}

/**
 * A request with a cursor is out, and the server holds it until there is news. `fetch` tells us nothing
 * until the answer comes, so a request that has not failed counts as connected.
 */
export function showWaiting(): void {
  // "receiving" or "reconnecting" is still on screen; its timer shows "waiting for news" next.
  if (waitingTimer !== undefined) return;
  if (shownState === 'error') {
    show('connecting', 'reconnecting…');
    showWaitingAfter(RECONNECT_CHECK_MS);
    return;
  }
  show('open', 'waiting for news');
}

/** An answer with news has arrived. */
export function showReceiving(): void {
  show('open', 'receiving');
  showWaitingAfter(RECEIVING_SHOWN_MS);
}

/** A request failed; the next try comes after `delayMs`. */
export function showRetrying(delayMs: number): void {
  show('error');
  // "retrying in 3 s", "2 s", …: the next try is visibly on its way.
  showRetryCountdown('error', delayMs, 'retrying');
}

function show(state: ConnectionState, detail?: string): void {
  clearTimeout(waitingTimer);
  waitingTimer = undefined;
  shownState = state;
  setConnectionStatus(state, detail);
}

function showWaitingAfter(delayMs: number): void {
  waitingTimer = setTimeout(() => show('open', 'waiting for news'), delayMs);
}
