import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

// Chromium tries to reach Google's services at start; offline (CI, conference Wi-Fi) that only adds noise.
// Without a GPU, headless Chromium emulates one in software, which costs more CPU than the tests themselves.
const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-gpu',
];

/**
 * Playwright's own Chromium when it is installed (`pnpm exec playwright install chromium`), otherwise a
 * system Chromium from $CHROMIUM_PATH or /usr/bin/chromium (Debian: `apt-get install chromium`).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const args = [...QUIET_FLAGS];
  // Chromium's sandbox refuses to run as root (CI containers); everywhere else it stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return { executablePath: findChromium(), args };
}

function findChromium(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install Playwright\'s browser with "pnpm exec playwright install chromium", ' +
      'or install Chromium from your system (Debian/Ubuntu: "sudo apt-get install chromium") and, if it is not at ' +
      '/usr/bin/chromium, set CHROMIUM_PATH to its path.',
  );
}
