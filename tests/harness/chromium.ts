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
 * system one: $CHROMIUM_PATH, else Debian's headless shell (`apt-get install chromium-headless-shell`, what
 * Playwright itself runs headless: half the CPU of the full browser), else /usr/bin/chromium.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: findChromium(HEADLESS_CANDIDATES), args: launchArgs() };
}

/**
 * The full browser, for the few checks that need what only it has (the back/forward cache): Playwright's
 * `chromium` channel, else a system Chromium. The headless shell never restores a page from that cache.
 */
export function fullChromiumLaunchOptions(): LaunchOptions {
  if (hasPlaywrightChromium()) return { channel: 'chromium', args: launchArgs() };
  return { executablePath: findChromium(FULL_CANDIDATES), args: launchArgs() };
}

const FULL_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const HEADLESS_CANDIDATES = ['/usr/bin/chromium-headless-shell', ...FULL_CANDIDATES];

function launchArgs(): string[] {
  const args = [...QUIET_FLAGS];
  // Chromium's sandbox refuses to run as root (CI containers); everywhere else it stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

function hasPlaywrightChromium(): boolean {
  return existsSync(chromium.executablePath());
}

function findChromium(systemCandidates: string[]): string | undefined {
  if (hasPlaywrightChromium()) return undefined;
  const candidates = [process.env.CHROMIUM_PATH, ...systemCandidates];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  throw new Error(
    'No Chromium found for the browser tests. Install Playwright\'s browser with "pnpm exec playwright install chromium", ' +
      'or install Chromium from your system (Debian/Ubuntu: "sudo apt-get install chromium-headless-shell chromium") ' +
      `and, if it is not at ${systemCandidates.join(' or ')}, set CHROMIUM_PATH to its path.`,
  );
}
