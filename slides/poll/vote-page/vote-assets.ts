import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../poll-questions';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/**
 * The vote page's HTML: a shell with the styles inlined; `vote.js` renders the questions into it. Every URL
 * is relative, so the page works at `/vote` and under a path (the class server's `/poll/vote`).
 */
export function renderVotePage(fallbackLanguage: Language, styles = readVoteStyles()): string {
  const title = fallbackLanguage === 'de' ? 'Abstimmen' : 'Vote';
  return `<!doctype html>
<html lang="${fallbackLanguage}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${styles}</style>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script type="module" src="vote/vote.js"></script>
</body>
</html>
`;
}

/** `vote.css`, for a bundle that cannot read it from here at run time. */
export function readVoteStyles(): string {
  return readFileSync(path.join(HERE, 'vote.css'), 'utf8');
}

/** The vote page's scripts by their URL name under `/vote/`: `vote.js` and the `countdown.js` it imports. */
export type VoteScripts = Readonly<Record<string, string>>;

/** The TypeScript files behind VoteScripts; `countdown.ts` is shared with the slides' break countdown. */
const SCRIPT_SOURCES = ['vote.ts', 'countdown.ts'];

/**
 * The vote page's scripts for the browser: their types stripped once at start by Vite's transformer (Vite is
 * already in the workspace), so the page is written in TypeScript and type-checked like every other client.
 */
export async function transpileVoteScripts(): Promise<VoteScripts> {
  const { transformWithOxc } = await import('vite');
  const scripts: Record<string, string> = {};
  for (const source of SCRIPT_SOURCES) {
    const file = path.join(HERE, source);
    const result = await transformWithOxc(readFileSync(file, 'utf8'), file, { lang: 'ts' });
    scripts[source.replace(/\.ts$/, '.js')] = result.code;
  }
  return scripts;
}
