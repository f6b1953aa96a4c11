import { readdirSync } from 'node:fs';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Unit tests sit beside the code they test. Starters in exercises/ are unsolved on purpose, so the
// default run covers shared-ui and the solutions; `pnpm test` inside an exercise runs its own tests.
export default defineConfig({
  test: {
    // The tests themselves take 4 s; a fresh worker and DOM per file took 30 more. They share one here,
    // so a test must not count on module state another file left behind (each project still gets its own).
    pool: 'threads',
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared-ui',
          include: ['shared-ui/src/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'solutions',
          include: ['solutions/*/{client,server,broker,protocol}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'slides',
          include: ['slides/{poll,scripts}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'scripts',
          include: [
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
            'classroom/**/*.test.ts',
            'arena/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // `pnpm test:faults`: scripted attacks on every solution server (tests/faults); FAULTS_SOAK=1 for the soak.
          name: 'faults',
          include: ['tests/faults/**/*.fault.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      // `pnpm test` inside exercises/NN-…: that exercise's unit tests only, so `pnpm test sse-frame` narrows it.
      ...exerciseProjects(),
    ],
  },
});

/** A project `exercise-NN` per starter in exercises/ (the starters fail their tests until the TODOs are done). */
function exerciseProjects(): TestProjectInlineConfiguration[] {
  // From the repository root, wherever Vitest was started (an exercise's `pnpm test` runs in its folder).
  return readdirSync(new URL('./exercises', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name))
    .map((entry) => ({
      extends: true,
      test: {
        name: `exercise-${entry.name.slice(0, 2)}`,
        include: [`exercises/${entry.name}/{client,server,broker,protocol}/**/*.test.ts`],
        environment: 'node',
      },
    }));
}
