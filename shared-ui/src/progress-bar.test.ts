import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar';

describe('createProgressBar', () => {
  it('shows a <progress> element with the value and the percent as text', () => {
    const wrapper = createProgressBar(60);
    const bar = wrapper.querySelector('progress');

    expect(bar?.value, 'bar value').toBe(60);
    expect(bar?.max, 'bar maximum').toBe(100);
    expect(wrapper.textContent).toBe('60%');
  });

  it('labels the bar for screen readers and hides the duplicate number from them', () => {
    const wrapper = createProgressBar(5);

    expect(wrapper.querySelector('progress')?.getAttribute('aria-label')).toBe('Progress');
    expect(wrapper.querySelector('.progress-value')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('createProgressBar in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('labels the bar in German', () => {
    expect(createProgressBar(5).querySelector('progress')?.getAttribute('aria-label')).toBe('Fortschritt');
  });
});
