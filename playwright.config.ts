import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/harness/chromium';

// Specs start the servers they need on free ports (tests/harness), so nothing here starts a web server.
export default defineConfig({
  testDir: 'tests',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // Students verifying their work get short reports; CI keeps traces of failures.
    trace: process.env.WORKSHOP_TARGET === 'exercises' ? 'off' : 'retain-on-failure',
  },
  projects: [
    // The whole suite against solutions/: task specs and the reference promises.
    { name: 'solutions', testMatch: /(task|reference)\.spec\.ts$/ },
    // `pnpm verify NN`: only the task spec, against exercises/ when WORKSHOP_TARGET=exercises.
    { name: 'verify', testMatch: /task\.spec\.ts$/ },
    // `pnpm screenshots`: regenerates the README's pictures from the real pages.
    { name: 'screenshots', testMatch: /screenshots\.spec\.ts$/ },
    // The built decks (`pnpm slides:build` first): every slide, the imported code and the live poll.
    {
      name: 'slides',
      testDir: 'tests/slides',
      testMatch: /\.spec\.ts$/,
      testIgnore: /screenshots\.spec\.ts$/,
    },
  ],
});
