// The decks' sequence diagrams: the English decks show pages/diagrams/NAME.md, the German ones NAME.de.md,
// the same diagram with German labels (the arrows, HTTP and code are the same).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SLIDES_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIAGRAMS = path.join(SLIDES_ROOT, 'pages', 'diagrams');

function diagramImports(deck: string): string[] {
  const text = readFileSync(path.join(SLIDES_ROOT, deck), 'utf8');
  return [...text.matchAll(/^src: \.\/pages\/diagrams\/(\S+)$/gm)].map((match) => match[1] ?? '');
}

/** The diagram's arrows, without their labels: who sends to whom, in which order. */
function arrows(file: string): string[] {
  const text = readFileSync(path.join(DIAGRAMS, file), 'utf8');
  return [...text.matchAll(/^\s+(\w+)(-+[>)]+)(\w+):/gm)].map((match) => `${match[1]}${match[2]}${match[3]}`);
}

describe('diagram pages', () => {
  it('the German decks import the German diagrams, the English decks the English ones', () => {
    for (const deck of ['workshop.de.md', 'pubsub.de.md']) {
      const imports = diagramImports(deck);
      expect(imports.length, deck).toBeGreaterThan(0);
      for (const file of imports) expect(file, deck).toMatch(/\.de\.md$/);
    }
    for (const deck of ['workshop.en.md', 'pubsub.en.md']) {
      for (const file of diagramImports(deck)) expect(file, deck).not.toMatch(/\.de\.md$/);
    }
  });

  it('each German diagram has the same arrows as the English one, and German labels', () => {
    const english = readdirSync(DIAGRAMS).filter((file) => !file.endsWith('.de.md'));
    for (const file of english) {
      const german = file.replace(/\.md$/, '.de.md');
      expect(arrows(german), german).toEqual(arrows(file));
      const germanText = readFileSync(path.join(DIAGRAMS, german), 'utf8');
      expect(germanText, `${german} still says "notification"`).not.toMatch(/\bnotification \d/);
      expect(germanText, german).not.toBe(readFileSync(path.join(DIAGRAMS, file), 'utf8'));
    }
  });
});
