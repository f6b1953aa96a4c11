import { describe, expect, it } from 'vitest';
import { selectDecks } from './decks';

describe('selectDecks (pnpm slides:build / slides:pdf arguments)', () => {
  it('takes every deck without arguments, and the named ones with', () => {
    expect(selectDecks([]).map((deck) => deck.slug)).toEqual([
      'workshop-de',
      'workshop-en',
      'pubsub-de',
      'pubsub-en',
    ]);
    expect(selectDecks(['pubsub']).map((deck) => deck.slug)).toEqual(['pubsub-de', 'pubsub-en']);
    expect(selectDecks(['pubsub', 'en']).map((deck) => deck.slug)).toEqual(['pubsub-en']);
    expect(selectDecks(['workshop-de']).map((deck) => deck.slug)).toEqual(['workshop-de']);
    expect(selectDecks(['pubsub.en.md']).map((deck) => deck.slug)).toEqual(['pubsub-en']);
  });

  it('fails with the list of decks for a name that matches none, instead of doing nothing', () => {
    expect(() => selectDecks(['pubsup'])).toThrow(
      'No deck matches "pubsup". Decks: workshop-de, workshop-en, pubsub-de, pubsub-en.',
    );
    expect(() => selectDecks(['workshop', 'fr'])).toThrow(/No deck matches "workshop fr"/);
  });
});
