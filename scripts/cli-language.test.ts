import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './cli-language';

describe('chooseLanguage', () => {
  it('takes --lang before anything the system says', () => {
    expect(chooseLanguage('de', { LANG: 'en_US.UTF-8' })).toBe('de');
    expect(chooseLanguage('en', { LANG: 'de_DE.UTF-8', WORKSHOP_LANG: 'de' })).toBe('en');
  });

  it('takes WORKSHOP_LANG before the locale', () => {
    expect(chooseLanguage(undefined, { WORKSHOP_LANG: 'de', LANG: 'C.UTF-8' })).toBe('de');
  });

  it('speaks German on a German system, in the order LC_ALL, LC_MESSAGES, LANG', () => {
    expect(chooseLanguage(undefined, { LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(chooseLanguage(undefined, { LC_ALL: 'de_AT.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('de');
    expect(chooseLanguage(undefined, { LC_MESSAGES: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(chooseLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
  });

  it('refuses a language it does not have, naming the two it has', () => {
    expect(() => chooseLanguage('fr', {})).toThrow('--lang takes de or en, not "fr".');
  });
});
