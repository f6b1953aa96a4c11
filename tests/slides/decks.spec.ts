// Every built deck: each slide and each click, without console errors, with the real code on the code slides.
// Needs `pnpm slides:build` first (`pnpm test` does that).
import { expect, type Page, test } from '@playwright/test';
import {
  DECKS,
  expectedSnippets,
  mermaidDiagramCount,
  type RunningDecks,
  significantLines,
  startBuiltDecks,
} from './built-decks';
import { measureCodeContrast } from './code-contrast';

let decks: RunningDecks;

test.describe.configure({ mode: 'parallel' });
// A walk is a few hundred small steps; a trace snapshot of the whole deck on each makes it five times slower.
// A failure names the slide and the step instead.
// A presenter's browser grants the screen wake lock Slidev asks for; the headless shell refuses unless told.
test.use({ trace: 'off', permissions: ['screen-wake-lock'] });
test.beforeAll(async () => {
  decks = await startBuiltDecks();
});
test.afterAll(async () => {
  await decks?.stop();
});

for (const deck of DECKS) {
  test(`${deck.slug}: every slide and click shows without errors, code comes from the solutions and examples`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const problems = collectProblems(page);
    await page.goto(decks.deckUrl(deck));
    const position = page.locator('#deck-position');
    await expect(position, 'the deck did not start').toHaveAttribute('data-step', '1:0');
    const total = Number(await position.getAttribute('data-total'));
    expect(total, 'the deck has hardly any slides').toBeGreaterThan(20);

    const codeOnSlides: string[][] = [];
    let diagramsDrawn = 0;
    const choices: string[] = [];
    const contrast = {
      lowestFull: Number.POSITIVE_INFINITY,
      weakest: '',
      lowestDimmed: Number.POSITIVE_INFINITY,
      dimmedShare: 0,
    };
    const visited = new Set<number>();
    for (let step = 0; step < 500; step += 1) {
      // One round trip per step (the walk has a few hundred), once the slide's lazily loaded layout is in.
      const state = await readRenderedSlide(page);
      if (!visited.has(state.slide)) {
        visited.add(state.slide);
        expect(state.brokenDiagram, `slide ${state.slide} has a broken diagram`).toBe(false);
        diagramsDrawn += state.diagramsDrawn;
        codeOnSlides.push(...state.code.map(significantLines));
        choices.push(...state.decisionChoices);
      }
      // Each click of a code slide highlights other lines: measure what the room sees at every step.
      if (state.code.length > 0) {
        const measured = await page.evaluate(measureCodeContrast, state.slide);
        if (measured.lowestFull !== undefined && measured.lowestFull < contrast.lowestFull) {
          contrast.lowestFull = measured.lowestFull;
          contrast.weakest = `slide ${state.slide}: ${measured.weakestToken}`;
        }
        contrast.lowestDimmed = Math.min(
          contrast.lowestDimmed,
          measured.lowestDimmed ?? Number.POSITIVE_INFINITY,
        );
        contrast.dimmedShare = Math.max(contrast.dimmedShare, measured.highestDimmedShare ?? 0);
      }
      if (!state.hasNext) break;
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (before) => document.getElementById('deck-position')?.dataset.step !== before,
        state.step,
      );
    }

    expect(
      [...visited].sort((a, b) => a - b),
      'some slides were never shown',
    ).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    // A diagram that cannot be drawn shows its error in the slide, and Slidev logs only a warning.
    expect(diagramsDrawn, 'not every sequence diagram of the deck was drawn').toBe(mermaidDiagramCount(deck));
    for (const snippet of expectedSnippets(deck)) {
      const shown = codeOnSlides.some((lines) => lines.join('\n') === snippet.lines.join('\n'));
      expect(shown, `no slide shows exactly the region ${snippet.label}`).toBe(true);
    }
    // From the back of the room: highlighted code at WCAG AA, dimmed lines still legible and clearly dimmer.
    expect(contrast.lowestFull, `code contrast below 4.5:1 at ${contrast.weakest}`).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(
      contrast.lowestDimmed,
      'dimmed code lines are too faint to read (contrast below 1.5:1)',
    ).toBeGreaterThanOrEqual(1.5);
    expect(
      contrast.dimmedShare,
      'dimmed lines keep most of their contrast: no visible difference',
    ).toBeLessThanOrEqual(0.7);
    // The decision table offers every technique of the kit, the chat's SSE + POST variant (04) too.
    for (const technique of ['Server-Sent Events', 'SSE + POST', 'WebSocket']) {
      expect(choices, `the decision table names ${technique}`).toContain(technique);
    }
    expect(problems, 'the deck logged errors').toEqual([]);
  });
}

type SlideState = NonNullable<ReturnType<typeof readSlide>>;

/**
 * Slidev moves its position before the slide's component has loaded; reading then would find no code, so
 * this waits for the slide to be rendered (an event in the page, not a pause).
 */
async function readRenderedSlide(page: Page): Promise<SlideState> {
  const handle = await page.waitForFunction(readSlide);
  return (await handle.jsonValue()) as SlideState;
}

/** Runs in the page: where the deck is and what the current slide shows, or null while it still loads. */
function readSlide() {
  const position = document.getElementById('deck-position') as HTMLElement;
  const slide = Number(position.dataset.slide);
  const current = document.querySelector(`[data-slidev-no="${slide}"]`);
  if (!current?.querySelector('.slidev-layout')) return null;
  // Mermaid draws a diagram after the slide is in, into the shadow root of its `.mermaid` element.
  const diagrams = [...current.querySelectorAll('.mermaid')];
  const drawn = diagrams.filter((diagram) => diagram.shadowRoot?.querySelector('svg'));
  if (drawn.length < diagrams.length) return null;
  return {
    slide,
    step: position.dataset.step ?? '',
    hasNext: position.dataset.hasNext === 'true',
    code: [...(current?.querySelectorAll('.slidev-code') ?? [])].map((code) => code.textContent ?? ''),
    brokenDiagram: /Syntax error in text/.test(current?.textContent ?? ''),
    diagramsDrawn: drawn.length,
    decisionChoices: [...(current?.querySelectorAll('.decision-use') ?? [])].map(
      (cell) => cell.textContent ?? '',
    ),
  };
}

/** Console errors and uncaught exceptions of the page, collected for one assertion at the end. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}
