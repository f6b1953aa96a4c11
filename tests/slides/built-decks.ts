import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BoardWatch } from '../../slides/poll/board-watch';
import type { PollRelayTarget } from '../../slides/poll/poll-relay';
import { createPollServer, type PollServer } from '../../slides/poll/poll-server';
import { DECKS, type Deck, DIST_DIR, SLIDES_ROOT } from '../../slides/scripts/decks';
import { findSnippetImports, regionText } from '../../slides/scripts/snippet-regions';

export { DECKS, type Deck };

/** The poll server serving the built decks, as in the classroom, on a free port and without a votes file. */
export interface RunningDecks {
  readonly baseUrl: string;
  readonly server: PollServer;
  deckUrl(deck: Deck, slide?: number | string): string;
  stop(): Promise<void>;
}

/**
 * `board`: the idea board the pub/sub talk's workshop slide shows (a fake class server's, in a test). `relay`:
 * the class server's poll the talk uses (WORKSHOP_CLASS).
 */
export async function startBuiltDecks({
  board,
  relay,
}: {
  board?: BoardWatch;
  relay?: PollRelayTarget;
} = {}): Promise<RunningDecks> {
  const missing = DECKS.filter((deck) => !existsSync(path.join(DIST_DIR, deck.slug, 'index.html')));
  if (missing.length > 0) {
    throw new Error(
      `The decks ${missing.map((deck) => deck.slug).join(', ')} are not built. Run "pnpm slides:build" first.`,
    );
  }
  const server = createPollServer({
    publicHost: 'localhost',
    distDir: DIST_DIR,
    ...(board ? { board } : {}),
    ...(relay ? { relay: () => relay } : {}),
  });
  const { port } = await server.listen(0);
  const baseUrl = `http://localhost:${port}`;
  return {
    baseUrl,
    server,
    deckUrl: (deck, slide = 1) => `${baseUrl}/${deck.slug}/#/${slide}`,
    stop: () => server.close(),
  };
}

/** One code block the deck imports, with the lines the slide must show (trimmed, blank lines left out). */
export interface ExpectedSnippet {
  label: string;
  lines: string[];
}

export function expectedSnippets(deck: Deck): ExpectedSnippet[] {
  return findSnippetImports(path.join(SLIDES_ROOT, deck.entry), SLIDES_ROOT).map((snippet) => ({
    label: `${path.relative(path.dirname(SLIDES_ROOT), snippet.sourceFile)}#${snippet.region}`,
    lines: significantLines(regionText(snippet)),
  }));
}

/** How many mermaid diagrams the deck has, in its own file and in the slides it imports with `src:`. */
export function mermaidDiagramCount(deck: Deck): number {
  const entry = path.join(SLIDES_ROOT, deck.entry);
  const text = readFileSync(entry, 'utf8');
  const imported = [...text.matchAll(/^src:\s*(\S+)\s*$/gm)].map((match) =>
    readFileSync(path.resolve(path.dirname(entry), match[1] ?? ''), 'utf8'),
  );
  return [text, ...imported].reduce(
    (count, source) => count + (source.match(/^```mermaid\b/gm)?.length ?? 0),
    0,
  );
}

export function significantLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
