import { afterEach, describe, expect, it, vi } from 'vitest';
import { localized, pageLanguage } from './language';

/** Pretends the browser prefers these languages, most wanted first. */
function preferLanguages(...languages: string[]): void {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '');
}

afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/'); // back to English for the other tests
});

describe('pageLanguage', () => {
  it('is English when neither the address nor the browser asks for German', () => {
    preferLanguages('en-US', 'en');
    expect(pageLanguage()).toBe('en');
  });

  it('follows the browser: German when it prefers German', () => {
    preferLanguages('de-DE', 'de', 'en');
    expect(pageLanguage()).toBe('de');
  });

  it("takes the first of the browser's languages that the page has", () => {
    preferLanguages('fr-FR', 'de-AT', 'en');
    expect(pageLanguage()).toBe('de');

    preferLanguages('fr-FR', 'en-GB', 'de');
    expect(pageLanguage()).toBe('en');
  });

  it('is English when the browser prefers only languages the page does not have', () => {
    preferLanguages('fr-FR', 'it');
    expect(pageLanguage()).toBe('en');
  });

  it('matches language tags whatever their case', () => {
    preferLanguages('DE-ch');
    expect(pageLanguage()).toBe('de');
  });

  it('falls back to navigator.language when navigator.languages is empty', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue([]);
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    expect(pageLanguage()).toBe('de');
  });

  it('lets ?lang= in the address win over the browser', () => {
    preferLanguages('en-US');
    window.history.replaceState(null, '', '?lang=de');
    expect(pageLanguage()).toBe('de');

    preferLanguages('de-DE');
    window.history.replaceState(null, '', '?lang=en');
    expect(pageLanguage()).toBe('en');
  });

  it('ignores a ?lang= the page does not have and follows the browser', () => {
    preferLanguages('de-DE');
    window.history.replaceState(null, '', '?lang=fr');
    expect(pageLanguage()).toBe('de');
  });
});

describe('localized', () => {
  const TEXT = { en: { open: 'Connected' }, de: { open: 'Verbunden' } };

  it("picks the texts of the page's language each time it is called", () => {
    preferLanguages('en-US');
    expect(localized(TEXT).open).toBe('Connected');

    window.history.replaceState(null, '', '?lang=de');
    expect(localized(TEXT).open).toBe('Verbunden');
  });
});
