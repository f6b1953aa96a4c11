import { type ConnectionState, setConnectionStatus } from '@realtime-workshop/shared-ui';
import type { NotificationList } from '../protocol/messages';
import { showPollAnswer } from './notification-display';
import { formatSeconds, readPollInterval, retryAfterMs, retryDelayMs } from './poll-timing';
import { YOUR_SERVER } from './server-origins';

// Part 2 is done, so the page polls your server; in Part 1 it polled REFERENCE_SERVER.
const POLL_URL = `${YOUR_SERVER}/api/notifications`;
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
    const response = await fetch(POLL_URL, {
      headers: state.lastEtag ? { 'If-None-Match': state.lastEtag } : {},
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.status === 429) return waitAfterTooManyRequests(response);
    // 304 Not Modified: the list has not changed since lastEtag, and no body came. Nothing to show.
    if (response.status !== 304) {
      if (!response.ok) throw new Error(`${POLL_URL} answered HTTP ${response.status}`);
      showPollAnswer(await readNotifications(response));
      state.lastEtag = response.headers.get('ETag');
    }
    state.failuresInARow = 0;
    showStatus('open', `polling every ${formatSeconds(INTERVAL_MS)}`);
    return INTERVAL_MS;
  } catch (error) {
    state.failuresInARow += 1;
    const delayMs = retryDelayMs(state.failuresInARow, INTERVAL_MS);
    console.warn(`Poll failed; next try in ${formatSeconds(delayMs)}.`, error);
    showStatus('error', `retrying in ${formatSeconds(delayMs)}`);
    return delayMs;
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
  const waitMs = retryAfterMs(response.headers.get('Retry-After'));
  // Without a readable Retry-After it is a failure like any other, with a growing delay.
  if (waitMs === undefined) throw new Error(`${POLL_URL} answered 429 without a valid Retry-After`);
  const delayMs = Math.max(waitMs, INTERVAL_MS);
  state.notBefore = Date.now() + delayMs;
  showStatus('error', `too many requests, waiting ${formatSeconds(delayMs)}`);
  return delayMs;
}

// #region schedule
function scheduleNextPoll(delayMs: number): void {
  // A hidden tab asks nothing; documentOnVisibilityChange starts again when it is shown.
  if (document.visibilityState === 'hidden') {
    showStatus('closed', 'paused while the tab is hidden');
    return;
  }
  state.nextPoll = setTimeout(poll, delayMs);
}
// #endregion schedule

function documentOnVisibilityChange(): void {
  if (document.visibilityState === 'hidden') {
    clearTimeout(state.nextPoll);
    state.nextPoll = undefined;
    showStatus('closed', 'paused while the tab is hidden');
    return;
  }
  // Shown again: poll at once, unless a request is open (its answer schedules the next) or one is due.
  if (state.isRequestOpen || state.nextPoll !== undefined) return;
  showStatus('connecting');
  scheduleNextPoll(Math.max(0, state.notBefore - Date.now()));
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
