import { type ConnectionState, setConnectionStatus } from '@realtime-workshop/shared-ui';
import type { NotificationList } from '../protocol/messages';
import { showPollAnswer } from './notification-display';
import { formatSeconds, readPollInterval, retryAfterMs, retryDelayMs } from './poll-timing';
import { REFERENCE_SERVER, YOUR_SERVER } from './server-origins';

// 🐨 TODO 2.2: once your server works (Part 2), poll YOUR_SERVER instead.
const POLL_URL = `${REFERENCE_SERVER}/api/notifications`;
/** 5 s as on the slide; `?interval=1000` in the page's address polls every second (demos, tests). */
const INTERVAL_MS = readPollInterval(window.location.search);
/** A request still unanswered after this long counts as failed, so one hanging request cannot stop polling. */
const REQUEST_TIMEOUT_MS = 10_000;

/** What the loop remembers from one poll to the next. */
interface PollState {
  /** The timer of the next poll; `undefined` while a request is open or polling is paused. */
  nextPoll: ReturnType<typeof setTimeout> | undefined;
  isRequestOpen: boolean;
  failuresInARow: number;
  /** The ETag of the list on screen; while it matches, the server answers 304 without a body. */
  lastEtag: string | null;
  /** After a 429, the server wants no request before this time (milliseconds, like `Date.now()`). */
  notBefore: number;
}

const state: PollState = {
  nextPoll: undefined,
  isRequestOpen: false,
  failuresInARow: 0,
  lastEtag: null,
  notBefore: 0,
};

/** One round: ask, show the answer, then schedule the next round. Never two requests at once. */
async function poll(): Promise<void> {
  state.nextPoll = undefined;
  state.isRequestOpen = true;
  const delayMs = await requestNotifications();
  state.isRequestOpen = false;
  scheduleNextPoll(delayMs);
}

/** Asks the server once and shows what it says; returns how long to wait before asking again. */
// #region request
async function requestNotifications(): Promise<number> {
  try {
    // 🐨 TODO 1.1: fetch POLL_URL, with `signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)` so that a hanging
    //    request fails instead of stopping the loop. An answer that is not ok (response.ok) is a failure: throw
    //    an Error that names the status. Otherwise show it: showPollAnswer(await readNotifications(response)).
    //    📜 https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch
    // 💯 TODO 1.9 (bonus): a 429 answer is no failure: return waitAfterTooManyRequests(response).
    // 💯 TODO 1.7 (bonus): send state.lastEtag as the If-None-Match header once there is one. A 304 answer
    //    means "nothing changed": there is no body and nothing to show, but it is a good answer. After a 200,
    //    keep its ETag header in state.lastEtag.
    // 🐨 TODO 1.2: show "open" (showStatus) with the detail `polling every ${formatSeconds(INTERVAL_MS)}`.
    // 🐨 TODO 1.5: a good answer ends a run of failures: set state.failuresInARow back to 0.

    // The next poll comes one interval after this answer.
    return INTERVAL_MS;
  } catch (error) {
    // 🐨 TODO 1.5: count the failure in state.failuresInARow, show "error" with the detail `retrying in …`
    //    (formatSeconds), and wait longer with every failure in a row: return
    //    retryDelayMs(state.failuresInARow, INTERVAL_MS) instead of the interval.
    console.warn('Poll failed:', error);
    return INTERVAL_MS;
  }
}
// #endregion request

async function readNotifications(response: Response): Promise<NotificationList> {
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error(`${POLL_URL} did not answer with a JSON array`);
  return body as NotificationList;
}

/** 429: the server wants fewer requests. Wait as long as its Retry-After says, at least one interval. */
function waitAfterTooManyRequests(response: Response): number {
  // 💯 TODO 1.9 (bonus): read the Retry-After header (retryAfterMs). Without a usable one, throw an Error: then
  //    it counts as a failure. Otherwise wait that long, but at least INTERVAL_MS: set state.notBefore, show
  //    "error" with the detail `too many requests, waiting …`, and return the wait.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Retry-After
  return INTERVAL_MS;
}

// #region schedule
function scheduleNextPoll(delayMs: number): void {
  // 💯 TODO 1.8 (bonus): while the tab is hidden (document.visibilityState), schedule nothing and show
  //    "closed" with the detail 'paused while the tab is hidden'.
  // 🐨 TODO 1.2: call poll after delayMs with setTimeout, and keep the timer in state.nextPoll. Not
  //    setInterval: the next request must wait for this answer, however long it took.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout
}
// #endregion schedule

function documentOnVisibilityChange(): void {
  // 💯 TODO 1.8 (bonus): when the tab is hidden, stop the timer (clearTimeout(state.nextPoll), then forget it)
  //    and show "closed" with 'paused while the tab is hidden'. When it is shown again, show "connecting" and
  //    poll at once (scheduleNextPoll, but not before state.notBefore), unless a request is open or a poll is
  //    already due.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/Document/visibilitychange_event
}

let shownStatus = '';
/** Like setConnectionStatus, but only on a change: the pill is a live region that screen readers announce. */
function showStatus(connection: ConnectionState, detail = ''): void {
  if (`${connection}:${detail}` === shownStatus) return;
  shownStatus = `${connection}:${detail}`;
  setConnectionStatus(connection, detail);
}

document.addEventListener('visibilitychange', documentOnVisibilityChange);
showStatus('connecting');
poll();
