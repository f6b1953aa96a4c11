import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { findSnippetImports, snippetProblems } from './snippet-regions.ts';

/**
 * Slidev 52 silently shows the WHOLE file when a `#region` is missing (and fails only for a missing file in
 * some cases), and takes highlight steps past the end of a region without a word. This plugin stops
 * `slidev build` and `slidev` (dev) first, listing every broken import, so a changed function in a solution
 * cannot leave a slide with the wrong code or highlights that point at nothing.
 */
export function snippetRegions(slidesRoot: string): Plugin {
  return {
    name: 'realtime-workshop:snippet-regions',
    buildStart() {
      const decks = decksOf(process.argv, slidesRoot);
      const problems = decks.flatMap((deck) => snippetProblems(findSnippetImports(deck, slidesRoot)));
      if (problems.length > 0) {
        throw new Error(`Code on the slides does not match the solutions:\n  ${problems.join('\n  ')}`);
      }
    },
  };
}

/** The deck Slidev was started with (`slidev build workshop.de.md`), or every deck when none is named. */
function decksOf(argv: readonly string[], slidesRoot: string): string[] {
  const named = argv.filter((arg) => arg.endsWith('.md')).map((arg) => path.resolve(arg));
  if (named.length > 0) return named;
  return readdirSync(slidesRoot)
    .filter((file) => /^[a-z]+\.(de|en)\.md$/.test(file))
    .map((file) => path.join(slidesRoot, file));
}
