import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPresence } from './presence';

function names(): (string | null)[] {
  return Array.from(document.querySelectorAll('.presence-list li')).map((item) => item.textContent);
}

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="presence"></div>';
});

describe('setPresence', () => {
  it('says how many are online and lists them, you first and marked "(you)"', () => {
    setPresence(
      [
        { id: 'm1', name: 'Lena' },
        { id: 'm2', name: 'Jonas' },
      ],
      'm2',
    );

    expect(document.querySelector('.presence h2')?.textContent).toBe('2 online');
    expect(names()).toEqual(['Jonas (you)', 'Lena']);
  });

  it('replaces the list on every call', () => {
    setPresence([{ id: 'm1', name: 'Lena' }]);
    setPresence([]);

    expect(document.querySelector('.presence h2')?.textContent).toBe('0 online');
    expect(names()).toEqual([]);
  });

  it('gives each member an initial that is decoration, not text', () => {
    setPresence([{ id: 'm1', name: 'élodie' }]);

    const avatar = document.querySelector<HTMLElement>('.presence-avatar');
    expect(avatar?.dataset.initial).toBe('É');
    expect(avatar?.getAttribute('aria-hidden')).toBe('true');
    expect(avatar?.textContent, 'drawn by CSS, so the item reads "élodie"').toBe('');
  });

  it('shows HTML in a name as literal text', () => {
    const payload = '<img src=x onerror="alert(1)">';
    setPresence([{ id: 'm1', name: payload }]);

    expect(names()).toEqual([payload]);
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('throws a helpful error when index.html has no presence container', () => {
    document.body.innerHTML = '';

    expect(() => setPresence([])).toThrow('shared-ui: add <div data-ui="presence"></div> to index.html');
  });
});

describe('setPresence in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('marks you with "(du)"', () => {
    setPresence(
      [
        { id: 'm1', name: 'Lena' },
        { id: 'm2', name: 'Jonas' },
      ],
      'm2',
    );

    expect(document.querySelector('.presence h2')?.textContent).toBe('2 online');
    expect(names()).toEqual(['Jonas (du)', 'Lena']);
  });
});
