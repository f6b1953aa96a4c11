import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import { localized } from './language';
import type { NotificationView } from './notification-view';
import { isFinished, isProgressNotification, progressPercent } from './notification-view';
import { createProgressBar } from './progress-bar';

const TEXT = {
  en: { region: 'Notifications', dismiss: 'Dismiss notification' },
  de: { region: 'Benachrichtigungen', dismiss: 'Benachrichtigung schließen' },
};

/** How long a plain toast stays on screen. */
const PLAIN_TOAST_MS = 5000;
/** How long a progress toast stays after reaching 100 %, so the reader sees it finish. */
const FINISHED_TOAST_MS = 1500;
/** More toasts than this cover the page; the oldest plain one makes room for a new one. */
const MAX_VISIBLE_TOASTS = 3;
/** Length of the exit animation; keep in sync with `toast-out` in styles.css. */
const EXIT_ANIMATION_MS = 200;

// Each toast has at most one pending timer: "start leaving" or "remove after the exit animation".
// Keeping it here lets us cancel it whenever the toast is updated or removed, so no timer outlives its toast.
const pendingTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Builds the toast region: a live region, so screen readers read new toasts aloud. */
export function renderToasts(container: HTMLElement): void {
  const region = createElement('div', { className: 'toast-region' });
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-label', localized(TEXT).region);
  container.append(region);
}

/**
 * Pops up a toast at the bottom right. A plain toast leaves after about 5 s.
 * A progress toast shows a bar and stays until its progress reaches 100, then leaves 1.5 s later.
 * If a toast with this id is already shown, that toast is updated instead of adding a second one.
 */
export function flashNotification(notification: NotificationView): void {
  const region = getToastRegion();
  const toast = findToast(region, notification.id) ?? addToast(region, notification.id);
  showInToast(toast, notification);
  makeRoom(region);
}

/**
 * Updates the toast with this id (title, message, progress); at 100 % it leaves shortly after.
 * Without such a toast, only a running progress notification gets a new one: a late joiner still sees it.
 */
export function updateFlashNotification(notification: NotificationView): void {
  const toast = findToast(getToastRegion(), notification.id);
  if (toast) {
    showInToast(toast, notification);
    return;
  }
  if (isProgressNotification(notification) && !isFinished(notification)) flashNotification(notification);
}

function getToastRegion(): HTMLElement {
  return findPart<HTMLElement>(getRenderedContainer('toasts', renderToasts), '.toast-region');
}

function findToast(region: HTMLElement, id: string): HTMLElement | undefined {
  // Compare ids in JavaScript: building a CSS selector from an id the server sent could break on quotes.
  return Array.from(region.querySelectorAll<HTMLElement>('.toast')).find((toast) => toast.dataset.id === id);
}

/** Sends the oldest plain toasts away while too many are shown; running progress toasts stay. */
function makeRoom(region: HTMLElement): void {
  const visible = Array.from(region.querySelectorAll<HTMLElement>('.toast:not(.is-leaving)'));
  const removable = visible.filter((toast) => !isRunningProgress(toast));
  const excess = visible.length - MAX_VISIBLE_TOASTS;
  for (const toast of removable.slice(0, Math.max(0, excess))) startLeaving(toast);
}

function isRunningProgress(toast: HTMLElement): boolean {
  return toast.querySelector('progress') !== null && !toast.classList.contains('is-finished');
}

function addToast(region: HTMLElement, id: string): HTMLElement {
  const toast = createElement('div', { className: 'toast' });
  toast.dataset.id = id;
  region.append(toast); // newest at the bottom, closest to the corner
  return toast;
}

/** Fills a new or existing toast and (re)starts its timer. */
function showInToast(toast: HTMLElement, notification: NotificationView): void {
  toast.replaceChildren(...createToastContent(toast, notification));
  toast.classList.toggle('is-finished', isFinished(notification));
  scheduleLeave(toast, lifetimeMs(notification));
}

function createToastContent(toast: HTMLElement, notification: NotificationView): Node[] {
  const content: Node[] = [
    createElement('p', { className: 'toast-title', text: notification.title }),
    createElement('p', { className: 'toast-message', text: notification.message }),
  ];
  if (isProgressNotification(notification)) content.push(createProgressBar(progressPercent(notification)));
  content.push(createDismissButton(toast));
  return content;
}

function createDismissButton(toast: HTMLElement): HTMLButtonElement {
  const button = createElement('button', { className: 'toast-dismiss', text: '×' });
  button.type = 'button';
  button.setAttribute('aria-label', localized(TEXT).dismiss);
  button.addEventListener('click', () => startLeaving(toast));
  return button;
}

/** Milliseconds until the toast leaves, or `undefined` while a progress toast is still running. */
function lifetimeMs(notification: NotificationView): number | undefined {
  if (!isProgressNotification(notification)) return PLAIN_TOAST_MS;
  if (isFinished(notification)) return FINISHED_TOAST_MS;
  return undefined;
}

function scheduleLeave(toast: HTMLElement, delayMs: number | undefined): void {
  clearPendingTimer(toast);
  toast.classList.remove('is-leaving'); // an update rescues a toast that was already fading out
  if (delayMs === undefined) return;
  setPendingTimer(toast, () => startLeaving(toast), delayMs);
}

function startLeaving(toast: HTMLElement): void {
  toast.classList.add('is-leaving');
  // A timer instead of `animationend`: with reduced motion there is no animation, so no event would fire.
  setPendingTimer(toast, () => removeToast(toast), EXIT_ANIMATION_MS);
}

function removeToast(toast: HTMLElement): void {
  clearPendingTimer(toast);
  toast.remove();
}

function setPendingTimer(toast: HTMLElement, callback: () => void, delayMs: number): void {
  clearPendingTimer(toast);
  pendingTimers.set(toast, setTimeout(callback, delayMs));
}

function clearPendingTimer(toast: HTMLElement): void {
  clearTimeout(pendingTimers.get(toast));
  pendingTimers.delete(toast);
}
