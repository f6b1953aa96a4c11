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
