import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertView } from './alerts';
import { showAlert } from './alerts';

function alert(id: string, text = `Alert ${id}`): AlertView {
  return { id, text, time: '2026-11-29T09:15:00.000Z' };
}

function banners(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.alert'));
}

function texts(): (string | null | undefined)[] {
  return banners().map((banner) => banner.querySelector('.alert-text')?.textContent);
}

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="alerts"></div>';
});

describe('showAlert', () => {
  it('shows a role="alert" banner from the instructor, so screen readers read it right away', () => {
    showAlert(alert('a', 'Two minutes left'));

    const [banner] = banners();
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.querySelector('.alert-text')?.textContent).toBe('Two minutes left');
    expect(banner?.querySelector('.alert-meta strong')?.textContent).toBe('Instructor');
  });

  it('puts the newest on top and keeps at most three', () => {
    for (const id of ['1', '2', '3', '4']) showAlert(alert(id));

    expect(texts()).toEqual(['Alert 4', 'Alert 3', 'Alert 2']);
  });

  it('shows an alert only once', () => {
    showAlert(alert('a'));
    showAlert(alert('a'));

    expect(banners()).toHaveLength(1);
  });

  it('removes a banner when its dismiss button is clicked', () => {
    showAlert(alert('a'));

    banners()[0]?.querySelector<HTMLButtonElement>('.alert-dismiss')?.click();

    expect(banners()).toHaveLength(0);
  });

  it('labels the dismiss button without the word "alert", so getByLabel("Alert") finds only the input', () => {
    showAlert(alert('a'));

    expect(document.querySelector('.alert-dismiss')?.getAttribute('aria-label')).toBe('Dismiss message');
  });

  it('shows HTML as literal text and creates no elements from it', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    showAlert(alert(payload, payload));

    expect(texts()).toEqual([payload]);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
  });

  it('throws a helpful error when index.html has no alerts container', () => {
    document.body.innerHTML = '';

    expect(() => showAlert(alert('a'))).toThrow('shared-ui: add <div data-ui="alerts"></div> to index.html');
  });
});

describe('showAlert in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('names the instructor as "Kursleitung" and labels the dismiss button in German', () => {
    showAlert(alert('a', 'Noch zwei Minuten'));

    expect(document.querySelector('.alert-meta strong')?.textContent).toBe('Kursleitung');
    expect(document.querySelector('.alert-dismiss')?.getAttribute('aria-label')).toBe('Nachricht schließen');
  });
});
