import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';

/** The four states a connection goes through; the same for polling, SSE and WebSockets. */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'error';

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  closed: 'Disconnected',
  error: 'Connection error',
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
    createElement('span', { className: 'connection-status-text', text: 'Not connected' }),
    detail,
  );
  container.append(status);
}

/**
 * Shows the connection state as a coloured pill, e.g. "Connected" or "Disconnected · retrying in 4 s".
 * The state is also in the pill's `data-state` attribute, which the CSS uses for the colour.
 */
export function setConnectionStatus(state: ConnectionState, detail?: string): void {
  const status = findPart<HTMLElement>(
    getRenderedContainer('connection-status', renderConnectionStatus),
    '.connection-status',
  );
  status.dataset.state = state;
  findPart(status, '.connection-status-text').textContent = STATE_TEXT[state];

  const detailElement = findPart<HTMLElement>(status, '.connection-status-detail');
  detailElement.textContent = detail ?? '';
  detailElement.hidden = !detail;
}
