import { type Change, UPDATES_PATH, type UpdatesAnswer } from '../protocol/messages';
import { showInitial, showNew, showUpdate } from './notification-display';
import { showConnecting, showReceiving, showRetrying, showWaiting } from './poll-status';
import { retryDelay } from './retry-delay';
import { REFERENCE_SERVER, YOUR_SERVER } from './server-origins';

// 🐨 TODO 2.6: once your server works (Part 2), poll YOUR_SERVER instead.
const UPDATES_URL = `${REFERENCE_SERVER}${UPDATES_PATH}`;
// The server holds a request for up to 25 s; an answer that takes much longer is stuck on the way.
const REQUEST_TIMEOUT_MS = 35_000;

/** Our place in the server's log of changes: the next request asks for everything after it. */
let cursor: string | undefined;
/** Stops the running poll loop, and the request it is waiting for. */
let stopController: AbortController | undefined;

/** The long-polling loop: ask, wait until the server answers, show the answer, ask again at once. */
// #region poll-loop
async function pollForever(signal: AbortSignal): Promise<void> {
  // 🐨 TODO 1.1: until `signal` is aborted, again and again: ask for everything after `cursor`
  //    (requestUpdates) and hand an answer to handleAnswer. No answer (`undefined`) means the server held
  //    the request until its time was up: just ask again, with the same cursor.
  // 🐨 TODO 1.5: a request can fail (server down, Wi-Fi gone). Catch the error; if `signal` is aborted,
  //    we stopped ourselves: return. Otherwise count the failures in a row (back to 0 after a success),
  //    show showRetrying(delay) with delay = retryDelay(failuresInARow), and sleep(delay, signal) before
  //    the next try.
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

  // 🐨 TODO 1.2: GET UPDATES_URL, with ?since=<since> once there is a cursor (new URL, searchParams).
  //    Stop the request when `signal` aborts or after REQUEST_TIMEOUT_MS, whichever comes first:
  //    AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]).
  //    Then: 204 → return undefined; any other status that is not ok → throw an Error that says which;
  //    200 → return the JSON body.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/AbortSignal/any_static
  throw new Error('TODO 1.2: requestUpdates() in client/index.ts does not ask the server yet.');
}
// #endregion request-updates

function handleAnswer(answer: UpdatesAnswer): void {
  showReceiving();
  // 🐨 TODO 1.3: an "initial" answer: showInitial(answer.notifications).
  // 🐨 TODO 1.4: a "changes" answer: show each change, in order (showChange).
  // 🐨 TODO 1.3: remember answer.cursor in `cursor`, so that the next request asks for what came after it.
}

function showChange(change: Change): void {
  // 🐨 TODO 1.4: a "notification" change: showNew(change.notification).
  // 💯 TODO 1.6 (bonus): a "notification-update" change: showUpdate(change.notification).
  // Skip any other kind of change, so that the server can add new ones without breaking the page.
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
