import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import { createTimeElement } from './format-time';
import { localized } from './language';

/** An instructor's message to everyone. */
export interface AlertView {
  /** Unique; an alert that is already shown is not shown twice. */
  id: string;
  text: string;
  /** When it was sent, as ISO 8601. */
  time: string;
}

const TEXT = {
  en: {
    from: 'Instructor',
    // Not "…alert": getByLabel('Alert') means the instructor's field.
    dismiss: 'Dismiss message',
  },
  de: {
    from: 'Kursleitung',
    dismiss: 'Nachricht schließen',
  },
};

/** More banners than this push the board off the screen; the oldest one goes. */
const MAX_VISIBLE_ALERTS = 3;

/** Builds the (empty) stack of alert banners. */
export function renderAlerts(container: HTMLElement): void {
  container.append(createElement('div', { className: 'alerts' }));
}

/** Shows an alert banner on top of the others (newest first, at most 3); each has a dismiss button. */
export function showAlert(alert: AlertView): void {
  const stack = findPart<HTMLElement>(getRenderedContainer('alerts', renderAlerts), '.alerts');
  // Compare ids in JavaScript: building a CSS selector from an id the server sent could break on quotes.
  const shown = Array.from(stack.children).some((banner) => (banner as HTMLElement).dataset.id === alert.id);
  if (shown) return;

  stack.prepend(createBanner(alert));
  for (const banner of Array.from(stack.children).slice(MAX_VISIBLE_ALERTS)) banner.remove();
}

function createBanner(alert: AlertView): HTMLElement {
  const meta = createElement('p', { className: 'alert-meta' });
  const text = localized(TEXT);
  meta.append(createElement('strong', { text: text.from }), createTimeElement(alert.time));

  const dismiss = createElement('button', { className: 'alert-dismiss', text: '×' });
  dismiss.type = 'button';
  dismiss.setAttribute('aria-label', text.dismiss);

  const banner = createElement('div', { className: 'alert' });
  banner.setAttribute('role', 'alert'); // read aloud right away: the instructor wants everyone's attention
  banner.dataset.id = alert.id;
  banner.append(meta, createElement('p', { className: 'alert-text', text: alert.text }), dismiss);
  dismiss.addEventListener('click', () => banner.remove());
  return banner;
}
