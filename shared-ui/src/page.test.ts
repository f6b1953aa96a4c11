import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules(); // page.ts renders when imported, so every test imports a fresh copy
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('importing page.ts', () => {
  it('renders every container on the page right away', async () => {
    document.body.innerHTML = `
      <div data-ui="connection-status"></div>
      <div data-ui="notification-table"></div>
      <div data-ui="toasts"></div>
      <div data-ui="chat"></div>`;

    await import('./page');

    const containers = Array.from(document.querySelectorAll('[data-ui]'));
    expect(
      containers.every((container) => container.hasAttribute('data-ui-rendered')),
      'all four rendered',
    ).toBe(true);
    expect(document.querySelector('.connection-status')?.textContent).toBe('Not connected');
    expect(document.querySelector('.empty-row')?.textContent).toBe('No notifications yet.');
    expect(document.querySelector('.toast-region')).not.toBeNull();
    expect(document.querySelector('.chat-form')).not.toBeNull();
  });

  it('renders the idea board containers of exercise 05 too', async () => {
    document.body.innerHTML = `
      <div data-ui="join"></div>
      <div data-ui="ideas"></div>
      <div data-ui="presence"></div>
      <div data-ui="countdown"></div>
      <div data-ui="alerts"></div>
      <div data-ui="instructor"></div>`;

    await import('./page');

    expect(document.querySelector('.join-form'), 'join form').not.toBeNull();
    expect(document.querySelector('.idea-form'), 'idea form').not.toBeNull();
    expect(document.querySelector('.presence h2')?.textContent).toBe('0 online');
    expect(document.querySelector('.countdown-status')?.textContent).toBe(
      'Waiting for the instructor to start a round',
    );
    expect(document.querySelector('.alerts'), 'alert stack').not.toBeNull();
    expect(
      document.querySelector<HTMLElement>('[data-ui="instructor"]')?.hidden,
      'instructor panel hidden',
    ).toBe(true);
  });

  it('skips containers the page does not have, without throwing', async () => {
    document.body.innerHTML = '<div data-ui="chat"></div>';

    await expect(import('./page')).resolves.toBeDefined();
    expect(document.querySelector('.chat-form')).not.toBeNull();
  });

  it('does not render a container twice when the API is used afterwards', async () => {
    document.body.innerHTML = '<div data-ui="notification-table"></div>';
    await import('./page');
    const { addToTable } = await import('./index');

    addToTable({ id: '1', title: 'Hi', message: 'There', time: '2026-11-29T09:15:00.000Z' });

    expect(document.querySelectorAll('table')).toHaveLength(1);
  });

  it('waits for the DOM when imported while the page is still loading', async () => {
    document.body.innerHTML = '<div data-ui="toasts"></div>';
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');

    await import('./page');
    expect(document.querySelector('.toast-region'), 'not yet').toBeNull();

    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(document.querySelector('.toast-region'), 'rendered once the DOM is ready').not.toBeNull();
  });
});
