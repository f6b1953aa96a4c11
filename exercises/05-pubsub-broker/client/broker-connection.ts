import { setConnectionStatus, showRetryCountdown } from '@realtime-workshop/shared-ui';
import type { BrokerMessage, SubscriberCommand, TokenResponse } from '../protocol/messages';
import { readBrokerMessage } from './broker-message';
import { ReconnectBackoff } from './reconnect-backoff';

/** What the page tells connectToBroker. */
export interface BrokerOptions {
  /** The channels to subscribe to: the session's `channels`. */
  channels: readonly string[];
  /** The id of the last message the page already shows (the snapshot's `lastEventId`), or `null`. */
  since: string | null;
  /** Asks the app backend for a fresh subscribe token; called before every connect, because tokens expire. */
  fetchToken: () => Promise<TokenResponse>;
  /** Gets every message the broker sends: channel messages, presence, `history-lost` and errors. */
  onMessage: (message: BrokerMessage) => void;
}

let options: BrokerOptions | undefined;
/** The open (or opening) connection; `undefined` while we wait to reconnect or the page is hidden. */
let socket: WebSocket | undefined;
/**
 * Per channel, the id of the last message we got on it: a reconnect subscribes each channel `since` its own,
 * so nothing is lost. (Channels replay separately, so their ids do not arrive in one global order.)
 */
const lastIds = new Map<string, string>();
/** Each failed attempt doubles the wait before the next one. */
const backoff = new ReconnectBackoff();
let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
/** True between pagehide and pageshow: a token that arrives then must not open a socket. */
let pageHidden = false;

/** Subscribes to the board's channels and stays subscribed: reconnects with backoff, resuming where it was. */
export function connectToBroker(brokerOptions: BrokerOptions): void {
  if (options) throw new Error('connectToBroker was already called; the page keeps one connection.');
  options = brokerOptions;
  const { since } = brokerOptions;
  if (since !== null) for (const channel of brokerOptions.channels) lastIds.set(channel, since);
  window.addEventListener('pagehide', pageOnHide);
  window.addEventListener('pageshow', pageOnShow);
  void connect();
}

/** The channel resumes after `id` next time: the page reloaded the board, which holds everything up to it. */
export function resumeChannelFrom(channel: string, id: string): void {
  lastIds.set(channel, id);
}

/** Connects again with a fresh token, e.g. after joining again: the broker then sees the new member. */
export function reconnectToBroker(): void {
  // Closing leads to socketOnClose, which reconnects like after any other drop (resuming after lastIds).
  socket?.close(1000, 'Joined again');
}

/**
 * `ws://broker:4100/connect?token=…` from the broker's `http://` address; `https://` becomes `wss://`, and a
 * path stays (the class server's `https://class.example.org/05/broker` → `wss://…/05/broker/connect`).
 */
export function connectUrl(brokerUrl: string, token: string): string {
  const url = new URL(brokerUrl.replace(/^http/, 'ws'));
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/connect`;
  url.searchParams.set('token', token);
  return url.href;
}

async function connect(): Promise<void> {
  if (!options) return;
  setConnectionStatus('connecting');
  let token: TokenResponse;
  try {
    token = await options.fetchToken();
  } catch (error) {
    console.warn('Could not get a subscribe token:', error);
    scheduleReconnect('error');
    return;
  }
  // Hidden meanwhile, or another connect (pageshow) got there first: one socket per page.
  if (pageHidden || socket) return;
  openSocket(options, token.brokerUrl, token.subscribeToken);
}

function openSocket({ channels, onMessage }: BrokerOptions, brokerUrl: string, token: string): void {
  // 🐨 TODO 1.1: open a WebSocket on connectUrl(brokerUrl, token); keep it in `socket` and in a `current` const.
  //    📜 https://developer.mozilla.org/en-US/docs/Web/API/WebSocket/WebSocket
  // 🐨 TODO 1.2: on `open`, send one SubscriberCommand per channel as JSON text:
  //    { type: 'subscribe', channel, since: lastIds.get(channel) }. Then backoff.reset() and
  //    setConnectionStatus('open').
  // 🐨 TODO 1.3: on `message`, read it with readBrokerMessage(event.data) (undefined: skip it); pass it to
  //    trackMessage(current, message), which remembers the channel's last id; hand every message to onMessage.
  // 🐨 TODO 1.4: on `close`, call socketOnClose(current): it reconnects with backoff and a fresh token.
}

/** Remembers where each channel stands, and starts over when the broker could not subscribe us. */
function trackMessage(current: WebSocket, message: BrokerMessage): void {
  if (message.type === 'message') lastIds.set(message.channel, message.id);
  // The broker lost its engine for a moment: reconnect (with backoff) and subscribe everything again.
  if (message.type === 'error' && message.code === 'unavailable') current.close(1000, 'Subscribing again');
}

function socketOnClose(closed: WebSocket): void {
  // A socket we closed on purpose (pagehide) is no longer the current one: nothing to do.
  if (closed !== socket) return;
  socket = undefined;
  scheduleReconnect('closed');
}

function scheduleReconnect(state: 'closed' | 'error'): void {
  const delayMs = backoff.nextDelay();
  showRetryCountdown(state, delayMs);
  reconnectTimer = setTimeout(connect, delayMs);
}

// An open WebSocket keeps the page out of the browser's back/forward cache. Close it when the page is
// hidden (another page opened in this tab)…
function pageOnHide(): void {
  pageHidden = true;
  clearTimeout(reconnectTimer);
  const hidden = socket;
  socket = undefined;
  hidden?.close(1000, 'Page hidden');
}

// …and connect again when the page comes back from that cache, resuming after `lastIds`. On a fresh load
// `persisted` is false and connectToBroker has already connected.
function pageOnShow(event: PageTransitionEvent): void {
  pageHidden = false;
  if (event.persisted && !socket) void connect();
}
