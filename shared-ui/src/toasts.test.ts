import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationView } from './notification-view';
import { flashNotification, updateFlashNotification } from './toasts';

const HTML_PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const EXIT_ANIMATION_MS = 200;

function plain(changes: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 't1',
    title: 'New comment',
    message: 'Ada replied.',
    time: '2026-11-29T09:15:00.000Z',
    ...changes,
  };
}

function progress(percent: number, changes: Partial<NotificationView> = {}): NotificationView {
  return plain({
    id: 'p1',
    title: 'Export',
    message: 'Exporting data',
    type: 'progress',
    progress: percent,
    ...changes,
  });
}

function toasts(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.toast'));
}

function toast(id: string): HTMLElement | undefined {
  return toasts().find((element) => element.dataset.id === id);
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<div data-ui="toasts"></div>';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('toast region', () => {
  it('is a polite live region so screen readers read new toasts', () => {
    flashNotification(plain());

    const region = document.querySelector('.toast-region');
    expect(region?.getAttribute('role')).toBe('status');
    expect(region?.getAttribute('aria-live')).toBe('polite');
  });

  it('throws a helpful error when index.html has no toasts container', () => {
    document.body.innerHTML = '';
    const expected = 'shared-ui: add <div data-ui="toasts"></div> to index.html';

    expect(() => flashNotification(plain())).toThrow(expected);
    expect(() => updateFlashNotification(progress(50))).toThrow(expected);
  });
});

describe('flashNotification: plain toast', () => {
  it('shows the title and message', () => {
    flashNotification(plain());

    expect(toast('t1')?.querySelector('.toast-title')?.textContent).toBe('New comment');
    expect(toast('t1')?.querySelector('.toast-message')?.textContent).toBe('Ada replied.');
    expect(toast('t1')?.querySelector('progress'), 'plain toasts have no progress bar').toBeNull();
  });

  it('leaves by itself after 5 seconds', () => {
    flashNotification(plain());

    vi.advanceTimersByTime(4999);
    expect(toast('t1'), 'still visible just before 5 s').toBeDefined();
    expect(toast('t1')?.classList.contains('is-leaving')).toBe(false);

    vi.advanceTimersByTime(1);
    expect(toast('t1')?.classList.contains('is-leaving'), 'exit animation starts at 5 s').toBe(true);

    vi.advanceTimersByTime(EXIT_ANIMATION_MS);
    expect(toast('t1'), 'removed after the exit animation').toBeUndefined();
    expect(vi.getTimerCount(), 'no timers left behind').toBe(0);
  });

  it('stacks toasts with the newest at the bottom', () => {
    flashNotification(plain({ id: 'a' }));
    flashNotification(plain({ id: 'b' }));

    expect(toasts().map((element) => element.dataset.id)).toEqual(['a', 'b']);
  });

  it('updates the toast when the same id is flashed again, instead of adding a second', () => {
    flashNotification(plain({ title: 'First' }));
    flashNotification(plain({ title: 'Second' }));

    expect(toasts(), 'one toast').toHaveLength(1);
    expect(toast('t1')?.querySelector('.toast-title')?.textContent).toBe('Second');
  });

  it('restarts the 5 seconds when updated, with only one timer running', () => {
    flashNotification(plain());
    vi.advanceTimersByTime(4000);

    updateFlashNotification(plain({ message: 'Ada replied twice.' }));
    expect(vi.getTimerCount(), 'the old timer was cleared').toBe(1);

    vi.advanceTimersByTime(4000);
    expect(toast('t1'), 'still there 4 s after the update').toBeDefined();
    vi.advanceTimersByTime(1000 + EXIT_ANIMATION_MS);
    expect(toast('t1'), 'gone 5 s after the update').toBeUndefined();
  });

  it('rescues a toast that is already fading out when it gets an update', () => {
    flashNotification(plain());
    vi.advanceTimersByTime(5000 + EXIT_ANIMATION_MS / 2);

    updateFlashNotification(plain({ title: 'Still news' }));
    vi.advanceTimersByTime(EXIT_ANIMATION_MS);

    expect(toast('t1'), 'the toast stays').toBeDefined();
    expect(toast('t1')?.classList.contains('is-leaving')).toBe(false);
  });

  it('leaves right away when its dismiss button is clicked', () => {
    flashNotification(plain());

    toast('t1')?.querySelector<HTMLButtonElement>('.toast-dismiss')?.click();
    vi.advanceTimersByTime(EXIT_ANIMATION_MS);

    expect(toast('t1')).toBeUndefined();
    expect(vi.getTimerCount(), 'no timers left behind').toBe(0);
  });

  it('shows HTML in every field as literal text and creates no elements from it', () => {
    flashNotification({ id: HTML_PAYLOAD, title: HTML_PAYLOAD, message: HTML_PAYLOAD, time: HTML_PAYLOAD });

    const [element] = toasts();
    expect(element?.querySelector('.toast-title')?.textContent).toBe(HTML_PAYLOAD);
    expect(element?.querySelector('.toast-message')?.textContent).toBe(HTML_PAYLOAD);
    expect(element?.dataset.id).toBe(HTML_PAYLOAD);
    expect(document.querySelectorAll('img, script'), 'no <img> or <script> was created').toHaveLength(0);
  });
});

describe('flashNotification: at most three toasts', () => {
  it('sends the oldest plain toast away when a fourth arrives', () => {
    for (const id of ['a', 'b', 'c', 'd']) flashNotification(plain({ id }));
    expect(toast('a')?.classList.contains('is-leaving'), 'the oldest makes room').toBe(true);
    vi.advanceTimersByTime(EXIT_ANIMATION_MS);
    expect(toasts().map((element) => element.dataset.id)).toEqual(['b', 'c', 'd']);
  });

  it('keeps running progress toasts and sends plain ones away instead', () => {
    flashNotification(progress(10, { id: 'p1' }));
    for (const id of ['a', 'b', 'c']) flashNotification(plain({ id }));
    vi.advanceTimersByTime(EXIT_ANIMATION_MS);
    expect(toasts().map((element) => element.dataset.id)).toEqual(['p1', 'b', 'c']);
  });
});

describe('flashNotification: progress toast', () => {
  it('shows a progress bar with the percent', () => {
    flashNotification(progress(30));

    expect(toast('p1')?.querySelector('progress')?.value).toBe(30);
    expect(toast('p1')?.querySelector('.progress-value')?.textContent).toBe('30%');
  });

  it('stays while the progress is below 100, with no timer running', () => {
    flashNotification(progress(30));

    vi.advanceTimersByTime(60_000);

    expect(toast('p1'), 'still visible after a minute').toBeDefined();
    expect(vi.getTimerCount(), 'no timer while running').toBe(0);
  });

  it('leaves 1.5 s after reaching 100', () => {
    flashNotification(progress(30));
    updateFlashNotification(progress(60));
    updateFlashNotification(progress(100));

    expect(toasts(), 'updates never add a second toast').toHaveLength(1);
    expect(toast('p1')?.classList.contains('is-finished'), 'marked as finished').toBe(true);
    vi.advanceTimersByTime(1499);
    expect(toast('p1'), 'still visible just before 1.5 s').toBeDefined();

    vi.advanceTimersByTime(1 + EXIT_ANIMATION_MS);
    expect(toast('p1'), 'gone after 1.5 s and the exit animation').toBeUndefined();
    expect(vi.getTimerCount(), 'no timers left behind').toBe(0);
  });

  it('shows the new title, message and progress when updated', () => {
    flashNotification(progress(30));

    updateFlashNotification(progress(75, { title: 'Export (2/3)', message: 'Writing file' }));

    expect(toast('p1')?.querySelector('.toast-title')?.textContent).toBe('Export (2/3)');
    expect(toast('p1')?.querySelector('.toast-message')?.textContent).toBe('Writing file');
    expect(toast('p1')?.querySelector('progress')?.value).toBe(75);
  });

  it('stops the plain-toast timer when a toast turns into a running progress toast', () => {
    flashNotification(plain({ id: 'p1' }));

    updateFlashNotification(progress(10));

    expect(vi.getTimerCount(), 'the 5 s timer was cleared').toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(toast('p1')).toBeDefined();
  });
});

describe('updateFlashNotification for an id without a toast', () => {
  it('shows a running progress notification, so a late joiner sees it', () => {
    updateFlashNotification(progress(40));

    expect(toasts(), 'one new toast').toHaveLength(1);
    expect(toast('p1')?.querySelector('progress')?.value).toBe(40);
  });

  it('does nothing for a finished progress notification', () => {
    updateFlashNotification(progress(100));

    expect(toasts()).toHaveLength(0);
  });

  it('does nothing for a plain notification', () => {
    updateFlashNotification(plain());

    expect(toasts()).toHaveLength(0);
  });

  it('shows a new toast again after the old one with that id has left', () => {
    flashNotification(progress(100));
    vi.advanceTimersByTime(1500 + EXIT_ANIMATION_MS);

    updateFlashNotification(progress(20));

    expect(toast('p1')?.querySelector('progress')?.value).toBe(20);
  });
});

describe('toasts in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('labels the region, the dismiss button and the progress bar in German', () => {
    flashNotification(progress(40));

    expect(document.querySelector('.toast-region')?.getAttribute('aria-label')).toBe('Benachrichtigungen');
    expect(toast('p1')?.querySelector('.toast-dismiss')?.getAttribute('aria-label')).toBe(
      'Benachrichtigung schließen',
    );
    expect(toast('p1')?.querySelector('progress')?.getAttribute('aria-label')).toBe('Fortschritt');
  });
});
