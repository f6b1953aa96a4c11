// `pnpm verify NN --lang de` (or a German system) runs the checks with German titles and hints; the
// suite itself (`pnpm test`) runs in English. verify passes its choice on in WORKSHOP_LANG.

export type Language = 'en' | 'de';

export const language: Language = process.env.WORKSHOP_LANG === 'de' ? 'de' : 'en';

/** The text in the language of this run: `say('shows that it is connected', 'zeigt, dass sie verbunden ist')`. */
export function say(english: string, german: string): string {
  return language === 'de' ? german : english;
}
