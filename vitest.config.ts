import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test. Starters in exercises/ are unsolved on purpose, so the
// default run covers shared-ui and the solutions; `pnpm test` inside an exercise runs its own tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared-ui',
          include: ['shared-ui/src/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'solutions',
          include: ['solutions/*/{client,server,broker,protocol}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'slides',
          include: ['slides/{poll,scripts}/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'scripts',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'exercises',
          include: ['exercises/*/{client,server,broker,protocol}/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
