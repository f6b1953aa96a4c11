import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_MS } from './highlight';
import { addToTable, renderNotificationTable, resetTable } from './notification-table';
import type { NotificationView } from './notification-view';

const HTML_PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function notification(changes: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n1',
    title: 'Build finished',
    message: 'All 42 tests passed.',
    time: '2026-11-29T09:15:42.000Z',
    ...changes,
  };
}

function dataRows(): HTMLTableRowElement[] {
  return Array.from(document.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.empty-row)'));
}

function cellTexts(row: HTMLTableRowElement | undefined): string[] {
  return Array.from(row?.cells ?? [], (cell) => cell.textContent ?? '');
}

function emptyRow(): HTMLTableRowElement | null {
  return document.querySelector('tbody tr.empty-row');
}

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="notification-table"></div>';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('rendering', () => {
  it('has a caption and the four column headers, each with scope="col"', () => {
    resetTable();

    expect(document.querySelector('caption')?.textContent).toBe('Notifications');
    const headers = Array.from(document.querySelectorAll('thead th'));
    expect(headers.map((th) => th.textContent)).toEqual(['Time', 'Title', 'Message', 'Progress']);
    expect(
      headers.every((th) => th.getAttribute('scope') === 'col'),
      'every header cell has scope="col"',
    ).toBe(true);
  });

  it('shows the empty state before any notification arrives', () => {
    renderNotificationTable(document.querySelector('[data-ui="notification-table"]') as HTMLElement);

    expect(emptyRow()?.textContent).toBe('No notifications yet.');
    expect(emptyRow()?.cells[0]?.colSpan, 'the message spans all columns').toBe(4);
  });

  it('renders only one table however often the API is called', () => {
    addToTable(notification({ id: 'a' }));
    resetTable();
    addToTable(notification({ id: 'b' }));

    expect(document.querySelectorAll('table')).toHaveLength(1);
  });

  it('throws a helpful error when index.html has no table container', () => {
    document.body.innerHTML = '';
    const expected = 'shared-ui: add <div data-ui="notification-table"></div> to index.html';

    expect(() => addToTable(notification())).toThrow(expected);
    expect(() => resetTable()).toThrow(expected);
  });
});

describe('addToTable', () => {
  it('adds a row with time, title, message and a dash for "no progress"', () => {
    addToTable(notification());

    const [row] = dataRows();
    const [, title, message, progress] = cellTexts(row);
    expect(title).toBe('Build finished');
    expect(message).toBe('All 42 tests passed.');
    expect(progress, 'plain notifications show a dash').toBe('—');
    expect(row?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-29T09:15:42.000Z');
  });

  it('removes the empty state once there is a row', () => {
    addToTable(notification());

    expect(emptyRow(), 'empty-state row is gone').toBeNull();
  });

  it('puts the newest notification on top', () => {
    addToTable(notification({ id: 'a', title: 'First' }));
    addToTable(notification({ id: 'b', title: 'Second' }));
    addToTable(notification({ id: 'c', title: 'Third' }));

    expect(dataRows().map((row) => cellTexts(row)[1])).toEqual(['Third', 'Second', 'First']);
  });

  it('updates a row with a known id in place instead of adding a duplicate', () => {
    addToTable(notification({ id: 'a', title: 'Upload', type: 'progress', progress: 10 }));
    addToTable(notification({ id: 'b', title: 'Other' }));

    addToTable(notification({ id: 'a', title: 'Upload', type: 'progress', progress: 70 }));

    const rows = dataRows();
    expect(rows, 'still two rows').toHaveLength(2);
    expect(
      rows.map((row) => row.dataset.id),
      'the updated row keeps its position',
    ).toEqual(['b', 'a']);
    expect(rows[1]?.querySelector('progress')?.value, 'the row shows the new progress').toBe(70);
  });

  it('highlights new and updated rows', () => {
    vi.useFakeTimers();
    addToTable(notification({ id: 'a' }));
    expect(dataRows()[0]?.classList.contains('is-highlighted'), 'new row').toBe(true);

    vi.advanceTimersByTime(HIGHLIGHT_MS);
    expect(dataRows()[0]?.classList.contains('is-highlighted'), 'plain after the highlight').toBe(false);
    addToTable(notification({ id: 'a', title: 'Changed' }));
    expect(dataRows()[0]?.classList.contains('is-highlighted'), 'updated row').toBe(true);
  });

  it('keeps the highlight for its 2.5 s, also where no animation runs (reduced motion)', () => {
    vi.useFakeTimers();
    addToTable(notification());
    const [row] = dataRows();

    vi.advanceTimersByTime(HIGHLIGHT_MS - 1);
    expect(row?.classList.contains('is-highlighted'), 'still new').toBe(true);
    vi.advanceTimersByTime(1);
    expect(row?.classList.contains('is-highlighted'), 'plain').toBe(false);
  });

  it('shows a progress bar and the percent for progress notifications', () => {
    addToTable(notification({ type: 'progress', progress: 60 }));

    const [row] = dataRows();
    expect(row?.querySelector('progress')?.value).toBe(60);
    expect(cellTexts(row)[3]).toBe('60%');
  });

  it('shows an unparseable time as the raw string', () => {
    addToTable(notification({ time: 'sometime' }));

    expect(cellTexts(dataRows()[0])[0]).toBe('sometime');
  });

  it('shows HTML in every field as literal text and creates no elements from it', () => {
    addToTable({ id: HTML_PAYLOAD, title: HTML_PAYLOAD, message: HTML_PAYLOAD, time: HTML_PAYLOAD });

    const [row] = dataRows();
    expect(cellTexts(row).slice(0, 3), 'time, title and message').toEqual([
      HTML_PAYLOAD,
      HTML_PAYLOAD,
      HTML_PAYLOAD,
    ]);
    expect(document.querySelectorAll('img, script'), 'no <img> or <script> was created').toHaveLength(0);
  });

  it('finds rows by ids that contain quotes and brackets', () => {
    const id = 'a"] , [data-id="b';
    addToTable(notification({ id, title: 'Before' }));
    addToTable(notification({ id, title: 'After' }));

    expect(dataRows().map((row) => cellTexts(row)[1])).toEqual(['After']);
  });
});

describe('resetTable', () => {
  it('removes every row and shows the empty state again', () => {
    addToTable(notification({ id: 'a' }));
    addToTable(notification({ id: 'b' }));

    resetTable();

    expect(dataRows(), 'no notification rows').toHaveLength(0);
    expect(emptyRow()?.textContent).toBe('No notifications yet.');
  });

  it('lets new notifications in afterwards, without the empty state', () => {
    addToTable(notification({ id: 'a' }));
    resetTable();
    addToTable(notification({ id: 'a', title: 'Again' }));

    expect(dataRows().map((row) => cellTexts(row)[1])).toEqual(['Again']);
    expect(emptyRow()).toBeNull();
  });
});

describe('the newest rows only', () => {
  function addMany(count: number): void {
    for (let index = 1; index <= count; index += 1)
      addToTable(notification({ id: `n${index}`, title: `#${index}` }));
  }

  function footerText(): string | undefined {
    const footer = document.querySelector<HTMLElement>('tfoot');
    return footer?.hidden ? undefined : (footer?.textContent ?? undefined);
  }

  it('keeps the newest 50 and says how many older ones are not shown', () => {
    addMany(57);
    const rows = dataRows();
    expect(rows).toHaveLength(50);
    expect(rows[0]?.dataset.id).toBe('n57');
    expect(rows.at(-1)?.dataset.id).toBe('n8');
    expect(footerText()).toBe('7 older notifications are not shown (the newest 50 are).');
  });

  it('says nothing while every row fits, and starts counting again after a reset', () => {
    addMany(50);
    expect(footerText()).toBeUndefined();
    addMany(51);
    expect(footerText()).toBe('1 older notification is not shown (the newest 50 are).');
    resetTable();
    expect(footerText()).toBeUndefined();
  });

  it('shows as many as ?rows= asks for', () => {
    window.history.replaceState(null, '', '?rows=3');
    try {
      addMany(5);
      expect(dataRows().map((row) => row.dataset.id)).toEqual(['n5', 'n4', 'n3']);
      expect(footerText()).toBe('2 older notifications are not shown (the newest 3 are).');
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});

describe('the table in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('has a German caption, headers and empty state, and keeps the English class names', () => {
    resetTable();

    expect(document.querySelector('caption')?.textContent).toBe('Benachrichtigungen');
    const headers = Array.from(document.querySelectorAll('thead th'));
    expect(headers.map((th) => th.textContent)).toEqual(['Zeit', 'Titel', 'Nachricht', 'Fortschritt']);
    expect(headers.map((th) => th.className)).toEqual([
      'cell-time',
      'cell-title',
      'cell-message',
      'cell-progress',
    ]);
    expect(emptyRow()?.textContent).toBe('Noch keine Benachrichtigungen.');
  });

  it('says in German how many older notifications are not shown', () => {
    window.history.replaceState(null, '', '?lang=de&rows=2');
    const footer = () => document.querySelector('tfoot')?.textContent;

    for (const id of ['a', 'b', 'c']) addToTable(notification({ id }));
    expect(footer()).toBe('1 ältere Benachrichtigung wird nicht angezeigt (nur die neuesten 2).');

    addToTable(notification({ id: 'd' }));
    expect(footer()).toBe('2 ältere Benachrichtigungen werden nicht angezeigt (nur die neuesten 2).');
  });
});
