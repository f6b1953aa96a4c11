import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import { createTimeElement } from './format-time';
import { highlightBriefly } from './highlight';
import { localized } from './language';
import type { NotificationView } from './notification-view';
import { isProgressNotification, progressPercent } from './notification-view';
import { createProgressBar } from './progress-bar';

/** The columns, in order; each header cell gets the class `cell-<column>`. */
const COLUMNS = ['time', 'title', 'message', 'progress'] as const;

const TEXT = {
  en: {
    caption: 'Notifications',
    columns: { time: 'Time', title: 'Title', message: 'Message', progress: 'Progress' },
    empty: 'No notifications yet.',
    older: (count: number, shown: number) =>
      `${count} older ${count === 1 ? 'notification is' : 'notifications are'} not shown (the newest ${shown} are).`,
  },
  de: {
    caption: 'Benachrichtigungen',
    columns: { time: 'Zeit', title: 'Titel', message: 'Nachricht', progress: 'Fortschritt' },
    empty: 'Noch keine Benachrichtigungen.',
    older: (count: number, shown: number) =>
      `${count} ${count === 1 ? 'ältere Benachrichtigung wird' : 'ältere Benachrichtigungen werden'} nicht angezeigt (nur die neuesten ${shown}).`,
  },
};

/** Rows shown at most: a projector shows the newest, not everything since the start. `?rows=200` changes it. */
const DEFAULT_MAX_ROWS = 50;

/** Rows dropped off the bottom since the last reset, for the line under the table. */
let olderCount = 0;

/** Builds the empty table (caption, header row, empty-state row) inside its container. */
export function renderNotificationTable(container: HTMLElement): void {
  olderCount = 0;
  const table = createElement('table', { className: 'notification-table' });
  table.append(createCaption(), createHeader(), createBody(), createFooter());

  const card = createElement('div', { className: 'card table-card' });
  card.append(table);
  container.append(card);
}

/** Removes every row and shows "No notifications yet." */
export function resetTable(): void {
  getTableBody().replaceChildren(createEmptyRow());
  olderCount = 0;
  showOlderCount();
}

/**
 * Shows a notification in the table. A new id goes on top (newest first);
 * an id that is already shown updates its row in place, so there are never duplicates.
 */
export function addToTable(notification: NotificationView): void {
  const body = getTableBody();
  const row = createRow(notification);

  const existingRow = findRow(body, notification.id);
  if (existingRow) {
    existingRow.replaceWith(row);
    return;
  }

  body.querySelector('.empty-row')?.remove();
  body.prepend(row);
  dropOldestRows(body);
}

/** Keeps the newest rows only, and says how many older ones are no longer shown. */
function dropOldestRows(body: HTMLTableSectionElement): void {
  const rows = body.querySelectorAll('tr[data-id]');
  const limit = maxRows();
  for (let index = limit; index < rows.length; index += 1) {
    rows[index]?.remove();
    olderCount += 1;
  }
  showOlderCount();
}

function maxRows(): number {
  const wanted = Number(new URLSearchParams(window.location.search).get('rows'));
  return Number.isInteger(wanted) && wanted > 0 ? wanted : DEFAULT_MAX_ROWS;
}

function showOlderCount(): void {
  const container = getRenderedContainer('notification-table', renderNotificationTable);
  const footer = findPart<HTMLTableSectionElement>(container, 'tfoot');
  footer.hidden = olderCount === 0;
  const cell = footer.querySelector('td');
  if (!cell) return;
  cell.textContent = localized(TEXT).older(olderCount, maxRows());
}

function getTableBody(): HTMLTableSectionElement {
  const container = getRenderedContainer('notification-table', renderNotificationTable);
  return findPart<HTMLTableSectionElement>(container, 'tbody');
}

function findRow(body: HTMLTableSectionElement, id: string): HTMLTableRowElement | undefined {
  // Compare ids in JavaScript: building a CSS selector from an id the server sent could break on quotes.
  return Array.from(body.querySelectorAll('tr')).find((row) => row.dataset.id === id);
}

function createCaption(): HTMLTableCaptionElement {
  return createElement('caption', { text: localized(TEXT).caption });
}

function createHeader(): HTMLTableSectionElement {
  const names = localized(TEXT).columns;
  const row = createElement('tr');
  for (const column of COLUMNS) {
    const cell = createElement('th', { className: `cell-${column}`, text: names[column] });
    cell.scope = 'col';
    row.append(cell);
  }
  const header = createElement('thead');
  header.append(row);
  return header;
}

function createBody(): HTMLTableSectionElement {
  const body = createElement('tbody');
  body.append(createEmptyRow());
  return body;
}

function createFooter(): HTMLTableSectionElement {
  const cell = createElement('td', { className: 'older-count' });
  cell.colSpan = COLUMNS.length;
  const row = createElement('tr');
  row.append(cell);
  const footer = createElement('tfoot');
  footer.hidden = true;
  footer.append(row);
  return footer;
}

function createEmptyRow(): HTMLTableRowElement {
  const cell = createElement('td', { text: localized(TEXT).empty });
  cell.colSpan = COLUMNS.length;
  const row = createElement('tr', { className: 'empty-row' });
  row.append(cell);
  return row;
}

function createRow(notification: NotificationView): HTMLTableRowElement {
  const row = createElement('tr');
  row.dataset.id = notification.id;
  row.append(
    createCell('cell-time', createTimeElement(notification.time)),
    createCell('cell-title', notification.title),
    createCell('cell-message', notification.message),
    createCell('cell-progress', createProgressContent(notification)),
  );
  highlightBriefly(row);
  return row;
}

/** `content` may be a string: `append` turns strings into text nodes, never into HTML. */
function createCell(className: string, content: string | Node): HTMLTableCellElement {
  const cell = createElement('td', { className });
  cell.append(content);
  return cell;
}

function createProgressContent(notification: NotificationView): string | Node {
  if (!isProgressNotification(notification)) return '—';
  return createProgressBar(progressPercent(notification));
}
