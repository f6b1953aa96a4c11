import type { Page } from '@playwright/test';
import type { RunningExercise } from './exercise-servers';

/**
 * For the README's screenshots: the task card names the servers as `pnpm dev` runs them (localhost:3000,
 * :4000, :8080), not the free ports of this run, which no reader would ever see.
 */
export async function showAddressesAsTyped(page: Page, exercise: RunningExercise): Promise<void> {
  const replacements: [string, string][] = [];
  for (const [used, typed] of [
    [exercise.studentUrlForPage, exercise.studentUrlAsTyped],
    [exercise.referenceUrl, exercise.referenceUrlAsTyped],
  ]) {
    if (used === undefined || typed === undefined) continue;
    replacements.push([used, typed], [toWebSocketUrl(used), toWebSocketUrl(typed)]);
  }
  await page.locator('.task-card code').evaluateAll((codes, pairs) => {
    for (const code of codes) {
      for (const [used, typed] of pairs) {
        if (code.textContent === used) code.textContent = typed;
      }
    }
  }, replacements);
}

function toWebSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http/, 'ws');
}
