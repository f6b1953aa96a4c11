import { type Change, UPDATES_PATH, type UpdatesAnswer } from '../protocol/messages';
import { showInitial, showNew, showUpdate } from './notification-display';
import { showConnecting, showReceiving, showRetrying, showWaiting } from './poll-status';
import { retryDelay } from './retry-delay';
import { YOUR_SERVER } from './server-origins';

// Part 2 is done, so the page polls your server; in Part 1 it used REFERENCE_SERVER.
const UPDATES_URL = `${YOUR_SERVER}${UPDATES_PATH}`;
// The server holds a request for up to 25 s; an answer that takes much longer is stuck on the way.
const REQUEST_TIMEOUT_MS = 35_000;

/** Our place in the server's log of changes: the next request asks for everything after it. */
let cursor: string | undefined;
/** Stops the running poll loop, and the request it is waiting for. */
let stopController: AbortController | undefined;

/** The long-polling loop: ask, wait until the server answers, show the answer, ask again at once. */
// #region poll-loop
async function pollForever(signal: AbortSignal): Promise<void> {
  let failuresInARow = 0;
  while (!signal.aborted) {
    try {
      const answer = await requestUpdates(cursor, signal);
      failuresInARow = 0;
      // No answer: the server held the request until its time was up. Ask again with the same cursor.
      if (answer) handleAnswer(answer);
    } catch (error) {
      // We stopped the loop ourselves (the page is being left): that is no failure.
      if (signal.aborted) return;
      failuresInARow += 1;
      const delayMs = retryDelay(failuresInARow);
      console.warn(`Asking for updates failed; retrying in ${delayMs} ms.`, error);
      showRetrying(delayMs);
      await sleep(delayMs, signal);
    }
  }
}
// #endregion poll-loop

/** One long poll. Resolves with the server's answer, or `undefined` for 204 (nothing new in time). */
// #region request-updates
async function requestUpdates(
  since: string | undefined,
  signal: AbortSignal,
): Promise<UpdatesAnswer | undefined> {
  if (since === undefined) showConnecting();
  else showWaiting();

  const url = new URL(UPDATES_URL);
  if (since !== undefined) url.searchParams.set('since', since);
  // Whichever comes first: our own stop, or the time limit.
  const response = await fetch(url, {
    signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
  });
  if (response.status === 204) return undefined;
  if (!response.ok) {
    throw new Error(`${url} answered with HTTP ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as UpdatesAnswer;
}
// #endregion request-updates

function handleAnswer(answer: UpdatesAnswer): void {
  showReceiving();
  if (answer.kind === 'initial') {
    showInitial(answer.notifications);
  } else {
    for (const change of answer.changes) showChange(change);
  }
  // Moved on only after showing: if that failed, the next request brings the same changes again.
  cursor = answer.cursor;
}

function showChange(change: Change): void {
  switch (change.event) {
    case 'notification':
      showNew(change.notification);
      return;
    case 'notification-update':
      showUpdate(change.notification);
      return;
    default:
      // A kind of change this page does not know yet: skip it, so that the server can add new ones.
      return;
  }
}

/** Waits `milliseconds`, or less if `signal` aborts. */
function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    signal.addEventListener('abort', done, { once: true });
  });
}

function start(): void {
  stop();
  stopController = new AbortController();
  void pollForever(stopController.signal);
}

function stop(): void {
  stopController?.abort();
  stopController = undefined;
}

// A request in flight keeps the page out of the browser's back/forward cache. Stop when the page is
// left, and go on with the same cursor when it comes back: nothing that happened meanwhile is lost.
window.addEventListener('pagehide', stop);
window.addEventListener('pageshow', (event) => {
  if (event.persisted) start();
});
start();
