import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/harness/chromium';

// Specs start the servers they need on free ports (tests/harness), so nothing here starts a web server.
export default defineConfig({
  testDir: 'tests',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // Each check runs a browser, Vite and servers: two at a time fill two cores. A third worker filled the waits
  // while each spec file started a worker of its own; now workers run spec after spec, and on 2 cores a third
  // only adds CPU (the whole suite: 396 s and 781 CPU-s with three, 393 s and 729 CPU-s with two).
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // The checks look for the pages' English texts, whatever the language of this machine (pages follow it).
    locale: 'en-US',
    // As a user who turned animations off: the pages glow steadily instead of fading. Without a GPU every
    // fading row costs Chromium 60 redraws a second: an open notifications page used 0.17 cores, now 0.04.
    reducedMotion: 'reduce',
    // Students verifying their work get short reports; CI keeps traces of failures. The trace's screencast
    // made Chromium redraw every frame: with it the suite took twice the CPU, so traces keep DOM snapshots only.
    trace:
      process.env.WORKSHOP_TARGET === 'exercises' || process.env.WORKSHOP_TARGET === 'scratch'
        ? 'off'
        : { mode: 'retain-on-failure', screenshots: false, snapshots: true },
  },
  projects: [
    // The README's commands as typed (`pnpm dev`, `pnpm slides`, `pnpm verify`), on the documented ports.
    // First: its checks share those ports, so they run one after another, the longest chain of the run.
    {
      name: 'commands',
      testDir: 'tests/commands',
      // A check here runs whole commands (a `pnpm verify` is a browser run of its own, up to 80 s on a busy
      // CI machine; the scratch check runs two and a `pnpm dev`): the bound is for a hang, not a wait.
      timeout: 180_000,
      testMatch: /\.spec\.ts$/,
      outputDir: outputDir('commands'),
    },
    // The whole suite against solutions/: task specs and the reference promises.
    { name: 'solutions', testMatch: /(task|reference)\.spec\.ts$/, outputDir: outputDir('solutions') },
    // `pnpm verify NN`: only the task spec, against exercises/ when WORKSHOP_TARGET=exercises. Its waits
    // start once the page has loaded, when a working part answers within a second: 5 s is ample, and a
    // missing part is reported sooner.
    {
      name: 'verify',
      testMatch: /task\.spec\.ts$/,
      outputDir: outputDir('verify'),
      expect: { timeout: 5_000 },
    },
    // `pnpm screenshots`: regenerates the README's pictures from the real pages.
    {
      name: 'screenshots',
      testMatch: /screenshots\.spec\.ts$/,
      outputDir: outputDir('screenshots'),
      use: { reducedMotion: 'no-preference' },
    },
    // The built decks (`pnpm slides:build` first): every slide, the imported code and the live poll.
    {
      name: 'slides',
      testDir: 'tests/slides',
      testMatch: /\.spec\.ts$/,
      testIgnore: /screenshots\.spec\.ts$/,
      outputDir: outputDir('slides'),
    },
  ],
});

/**
 * A folder per project, and one of its own for each `pnpm verify` (WORKSHOP_OUTPUT_DIR): Playwright empties
 * its output folder at start, which would delete the traces of another run beside it.
 */
function outputDir(project: string): string {
  return process.env.WORKSHOP_OUTPUT_DIR || `test-results/${project}`;
}
