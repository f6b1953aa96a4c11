// The language of the workshop's commands: German for the students of the course, English for everyone else.

export type Language = 'en' | 'de';

/**
 * `--lang de|en` wins; else WORKSHOP_LANG; else the system's: LC_ALL, LC_MESSAGES, LANG (macOS, Linux),
 * then the locale Node got from the system (Windows sets none of the variables).
 */
export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (flag !== undefined) return parseLanguage(flag);
  if (env.WORKSHOP_LANG) return parseLanguage(env.WORKSHOP_LANG);
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return system.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** `de`, `de-AT`, `de_DE.UTF-8` are German; `en`, `C`, `POSIX` and the rest English; `--lang xx` is an error. */
function parseLanguage(value: string): Language {
  const base = value.toLowerCase().split(/[-_.]/)[0];
  if (base === 'de' || base === 'en') return base;
  throw new Error(`--lang takes de or en, not "${value}".`);
}
