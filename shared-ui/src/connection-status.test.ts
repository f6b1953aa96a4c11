import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from './connection-status';
import { renderConnectionStatus, setConnectionStatus, showRetryCountdown } from './connection-status';

function status(): HTMLElement {
  const element = document.querySelector<HTMLElement>('.connection-status');
  if (!element) throw new Error('the status pill was not rendered');
  return element;
}

function detail(): HTMLElement {
  return status().querySelector('.connection-status-detail') as HTMLElement;
}

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="connection-status"></div>';
});

describe('connection status', () => {
  it('says "Not connected" before any call', () => {
    renderConnectionStatus(document.querySelector('[data-ui="connection-status"]') as HTMLElement);

    expect(status().textContent).toBe('Not connected');
    expect(status().dataset.state).toBe('idle');
  });

  it('is a role="status" live region with a decorative dot', () => {
    setConnectionStatus('open');

    expect(status().getAttribute('role')).toBe('status');
    expect(status().querySelector('.connection-status-dot')?.getAttribute('aria-hidden')).toBe('true');
  });

  it.each<[ConnectionState, string]>([
    ['connecting', 'Connecting…'],
    ['open', 'Connected'],
    ['closed', 'Disconnected'],
    ['error', 'Connection error'],
  ])('shows state %s as "%s" and in data-state', (state, text) => {
    setConnectionStatus(state);

    expect(status().textContent).toBe(text);
    expect(status().dataset.state, 'data-state drives the colour').toBe(state);
  });

  it('shows the optional detail after the text', () => {
    setConnectionStatus('closed', 'retrying in 4 s');

    expect(detail().textContent).toBe('retrying in 4 s');
    expect(detail().hidden, 'detail is visible').toBe(false);
  });

  it('hides the detail again when the next call has none', () => {
    setConnectionStatus('closed', 'retrying in 4 s');
    setConnectionStatus('open');

    expect(detail().hidden, 'detail is hidden').toBe(true);
    expect(status().textContent).toBe('Connected');
  });

  it('shows HTML in the detail as text', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

    setConnectionStatus('error', payload);

    expect(detail().textContent).toBe(payload);
    expect(document.querySelectorAll('img, script'), 'no elements created').toHaveLength(0);
  });

  it('renders a single pill however often it is called', () => {
    setConnectionStatus('connecting');
    setConnectionStatus('open');

    expect(document.querySelectorAll('.connection-status')).toHaveLength(1);
  });

  it('throws a helpful error when index.html has no status container', () => {
    document.body.innerHTML = '';

    expect(() => setConnectionStatus('open')).toThrow(
      'shared-ui: add <div data-ui="connection-status"></div> to index.html',
    );
  });
});

describe('retry countdown', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down each second to "1 s" and stays there until the next try', () => {
    vi.useFakeTimers();
    showRetryCountdown('closed', 4_000);
    expect(detail().textContent).toBe('reconnecting in 4 s');
    vi.advanceTimersByTime(1_000);
    expect(detail().textContent).toBe('reconnecting in 3 s');
    vi.advanceTimersByTime(2_000);
    expect(detail().textContent).toBe('reconnecting in 1 s');
    vi.advanceTimersByTime(5_000);
    expect(detail().textContent).toBe('reconnecting in 1 s');
    expect(vi.getTimerCount(), 'no timer left running').toBe(0);
  });

  it('rounds a delay up to whole seconds and names what comes next', () => {
    vi.useFakeTimers();
    showRetryCountdown('error', 2_300, 'retrying');
    expect(detail().textContent).toBe('retrying in 3 s');
    vi.advanceTimersByTime(300);
    expect(detail().textContent).toBe('retrying in 2 s');
  });

  it('ends when the next status is shown', () => {
    vi.useFakeTimers();
    showRetryCountdown('closed', 10_000);
    setConnectionStatus('open');
    vi.advanceTimersByTime(3_000);
    expect(detail().textContent).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });
});
