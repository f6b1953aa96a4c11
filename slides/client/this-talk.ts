// What a component on a slide needs to know about its talk, from the deck's headmatter (Slidev's `configs`):
// its language and which talk's poll it shows.
import { isPollDeck, type PollDeck } from '../poll/poll-questions';

/** The part of Slidev's `configs` read here. */
export interface TalkConfigs {
  htmlAttrs?: { lang?: string } | undefined;
}

/** The deck's language (`htmlAttrs.lang`). */
export function talkLanguage(configs: TalkConfigs): 'de' | 'en' {
  return configs.htmlAttrs?.lang === 'de' ? 'de' : 'en';
}

/** Which talk's votes and questions: `pollDeck:`. */
export function talkPollDeck(configs: TalkConfigs): PollDeck {
  const named = (configs as { pollDeck?: unknown }).pollDeck;
  return isPollDeck(named) ? named : 'workshop';
}
