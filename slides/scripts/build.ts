// `pnpm slides:build [workshop|pubsub] [de|en]`: every deck (or the one named) into dist/<deck>-<lang>/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type Deck, DIST_DIR, SLIDES_ROOT, selectDecks, slidevCli } from './decks';

let decks: Deck[];
try {
  decks = selectDecks(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

for (const deck of decks) {
  console.log(`\n▶ ${deck.entry} → dist/${deck.slug}/`);
  const result = spawnSync(
    process.execPath,
    [slidevCli(), 'build', deck.entry, '--out', path.join(DIST_DIR, deck.slug), '--base', `/${deck.slug}/`],
    { cwd: SLIDES_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) {
    console.error(`✗ ${deck.entry} did not build (see above).`);
    process.exit(result.status ?? 1);
  }
}
console.log(
  `\n✓ built ${decks.map((deck) => deck.slug).join(', ')} into ${path.relative(process.cwd(), DIST_DIR) || '.'}`,
);
