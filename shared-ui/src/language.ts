/** The languages of the page: German for the students of the course, English for everyone else. */
export type Language = 'en' | 'de';

const LANGUAGES: readonly Language[] = ['en', 'de'];

/**
 * The page's language: `?lang=de` or `?lang=en` in the address wins (e.g. for the projector), else the first
 * of the browser's preferred languages that we have, else English.
 */
export function pageLanguage(): Language {
  const fromAddress = new URLSearchParams(location.search).get('lang');
  if (isLanguage(fromAddress)) return fromAddress;
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Picks the texts for the page's language: `localized({ en: { open: 'Connected' }, de: { open: 'Verbunden' } })`. */
export function localized<Texts>(texts: Record<Language, Texts>): Texts {
  return texts[pageLanguage()];
}

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((language) => language === value);
}
