import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import { localized } from './language';

/** The four states a connection goes through; the same for polling, SSE and WebSockets. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'error';

const TEXT = {
  en: {
    idle: 'Not connected',
    connecting: 'Connecting…',
    open: 'Connected',
    closed: 'Disconnected',
    error: 'Connection error',
    // The two words the exercises pass to showRetryCountdown; any other text is shown as given.
    reconnecting: 'reconnecting',
    retrying: 'retrying',
    inSeconds: (what: string, seconds: number) => `${what} in ${seconds} s`,
  },
  de: {
    idle: 'Nicht verbunden',
    connecting: 'Verbinde…',
    open: 'Verbunden',
    closed: 'Getrennt',
    error: 'Verbindungsfehler',
    reconnecting: 'neue Verbindung',
    retrying: 'neuer Versuch',
    inSeconds: (what: string, seconds: number) => `${what} in ${seconds} s`,
  },
};

/** Builds the status pill. It says "Not connected" (state `idle`) until the first `setConnectionStatus`. */
export function renderConnectionStatus(container: HTMLElement): void {
  const dot = createElement('span', { className: 'connection-status-dot' });
  dot.setAttribute('aria-hidden', 'true'); // decoration: the text says the same

  const detail = createElement('span', { className: 'connection-status-detail' });
  detail.hidden = true;

  const status = createElement('p', { className: 'connection-status' });
  status.setAttribute('role', 'status'); // screen readers announce changes
  status.dataset.state = 'idle';
  status.append(
    dot,
    createElement('span', { className: 'connection-status-text', text: localized(TEXT).idle }),
    detail,
  );
  container.append(status);
}

/** The countdown on screen, if any; every new status ends it. */
let countdownTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Shows the connection state as a coloured pill, e.g. "Connected" or "Disconnected · retrying in 4 s".
 * The state is also in the pill's `data-state` attribute, which the CSS uses for the colour.
 */
export function setConnectionStatus(state: ConnectionState, detail?: string): void {
  stopCountdown();
  showStatus(state, detail);
}

/**
 * Shows the state with a countdown to the next try that goes down every second, e.g. "Disconnected ·
 * reconnecting in 4 s", "… 3 s", until the caller's own timer tries again and sets a new status.
 */
export function showRetryCountdown(state: ConnectionState, delayMs: number, what = 'reconnecting'): void {
  stopCountdown();
  const tryAt = Date.now() + delayMs;
  const tick = () => {
    const leftMs = tryAt - Date.now();
    showStatus(
      state,
      localized(TEXT).inSeconds(translateRetryWord(what), Math.max(1, Math.ceil(leftMs / 1000))),
    );
    // The next tick comes when the shown number changes; at "1 s" it stays until the next try.
    if (leftMs <= 1_000) {
      countdownTimer = undefined;
      return;
    }
    countdownTimer = setTimeout(tick, ((leftMs - 1) % 1_000) + 1);
  };
  tick();
}

function translateRetryWord(what: string): string {
  if (what === 'reconnecting' || what === 'retrying') return localized(TEXT)[what];
  return what;
}

function stopCountdown(): void {
  clearTimeout(countdownTimer);
  countdownTimer = undefined;
}

function showStatus(state: ConnectionState, detail: string | undefined): void {
  const status = findPart<HTMLElement>(
    getRenderedContainer('connection-status', renderConnectionStatus),
    '.connection-status',
  );
  status.dataset.state = state;
  findPart(status, '.connection-status-text').textContent = localized(TEXT)[state];

  const detailElement = findPart<HTMLElement>(status, '.connection-status-detail');
  detailElement.textContent = detail ?? '';
  detailElement.hidden = !detail;
}
