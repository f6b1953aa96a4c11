import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SLIDES_ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const DIST_DIR = path.join(SLIDES_ROOT, 'dist');

export type DeckName = 'workshop' | 'pubsub';
export type DeckLanguage = 'de' | 'en';

export interface Deck {
  name: DeckName;
  language: DeckLanguage;
  /** `workshop.de.md`, in the slides folder. */
  entry: string;
  /** `workshop-de`: the folder in dist/ and the path the built deck is served at. */
  slug: string;
}

export const DECKS: readonly Deck[] = (['workshop', 'pubsub'] as const).flatMap((name) =>
  (['de', 'en'] as const).map((language) => ({
    name,
    language,
    entry: `${name}.${language}.md`,
    slug: `${name}-${language}`,
  })),
);

/** `workshop de`, `pubsub-en`, `pubsub.en.md` … → the deck; undefined when nothing matches. */
export function findDeck(name: string | undefined, language: string | undefined): Deck | undefined {
  const wantedName = name ?? 'workshop';
  const wantedLanguage = language ?? 'de';
  return DECKS.find((deck) => deck.name === wantedName && deck.language === wantedLanguage);
}

/**
 * `pnpm slides:build pubsub en`, `… workshop-de`, `… pubsub.en.md`: the decks that every word names (all of
 * them without words). Throws with the list of decks when none matches, so a typo never does nothing.
 */
export function selectDecks(args: readonly string[]): Deck[] {
  const wanted = args.flatMap((arg) => arg.split(/[.-]/)).filter((word) => word !== '' && word !== 'md');
  const decks = DECKS.filter((deck) => wanted.every((word) => word === deck.name || word === deck.language));
  if (decks.length === 0) {
    throw new Error(
      `No deck matches "${args.join(' ')}". Decks: ${DECKS.map((deck) => deck.slug).join(', ')}.`,
    );
  }
  return decks;
}

/** The Slidev command line, run with Node itself (works the same on Windows). */
export function slidevCli(): string {
  return path.join(SLIDES_ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs');
}
