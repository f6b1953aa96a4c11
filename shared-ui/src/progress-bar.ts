import { createElement } from './dom';
import { localized } from './language';

const TEXT = {
  en: { label: 'Progress' },
  de: { label: 'Fortschritt' },
};

/** Creates a bar plus its number, e.g. ▓▓▓▓░░ 60%. Used by the table and the toasts. */
export function createProgressBar(percent: number): HTMLElement {
  const bar = createElement('progress');
  bar.max = 100;
  bar.value = percent;
  bar.setAttribute('aria-label', localized(TEXT).label);

  // Screen readers already announce the <progress> value, so the visible number is hidden from them.
  const number = createElement('span', { className: 'progress-value', text: `${percent}%` });
  number.setAttribute('aria-hidden', 'true');

  const wrapper = createElement('span', { className: 'progress' });
  wrapper.append(bar, number);
  return wrapper;
}
