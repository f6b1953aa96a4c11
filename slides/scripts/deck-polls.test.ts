import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECK_QUESTIONS } from '../poll/poll-questions';
import { DECKS } from './decks';

const SLIDES_ROOT = path.resolve(import.meta.dirname, '..');

/** The poll questions a deck shows: `<Poll question="…">` and `poll:` of the pages it imports with `src:`. */
function pollsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const src = /^src:\s*(\S+)\s*$/.exec(line)?.[1];
    if (src) found.push(...pollsOf(path.resolve(path.dirname(file), src)));
    const question = /<Poll question="([^"]+)"/.exec(line)?.[1] ?? /^poll:\s*(\S+)\s*$/.exec(line)?.[1];
    if (question) found.push(question);
  }
  return found;
}

describe('the poll questions of each talk', () => {
  for (const deck of DECKS) {
    it(`${deck.entry} asks exactly the questions DECK_QUESTIONS.${deck.name} lists, in its order`, () => {
      expect(pollsOf(path.join(SLIDES_ROOT, deck.entry))).toEqual(DECK_QUESTIONS[deck.name]);
    });

    it(`${deck.entry} names its talk in the headmatter (pollDeck: ${deck.name}), so its polls use its votes`, () => {
      const headmatter = readFileSync(path.join(SLIDES_ROOT, deck.entry), 'utf8').split(/^---$/m)[1] ?? '';
      expect(/^pollDeck:\s*(\S+)\s*$/m.exec(headmatter)?.[1]).toBe(deck.name);
    });
  }
});
