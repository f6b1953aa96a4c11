import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
// With its extension: Vite 8 warns of extensionless imports in a config, which its native loader cannot resolve.
import { snippetRegions } from './scripts/snippet-regions-plugin.ts';

const SLIDES_ROOT = path.dirname(fileURLToPath(import.meta.url));
/** `pnpm slides` sets this; the dev server forwards the poll's API to it, so slides and poll share one origin. */
const POLL_ORIGIN = process.env.POLL_ORIGIN ?? `http://localhost:${process.env.POLL_PORT ?? 3040}`;

// Slidev merges this into its own Vite config.
export default defineConfig({
  plugins: [snippetRegions(SLIDES_ROOT)],
  resolve: {
    alias: {
      // No twoslash on our slides; the real module logs a console error on every page load (see the stub).
      '@shikijs/vitepress-twoslash/client': path.join(SLIDES_ROOT, 'client', 'twoslash-disabled.ts'),
    },
  },
  build: {
    // The size report gzips every chunk of mermaid (the sequence diagrams) once more, only to print it.
    reportCompressedSize: false,
    // Rolldown's table of slow plugins is for Vite plugin authors, not for someone building the decks.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/api/poll': { target: POLL_ORIGIN } },
  },
});
