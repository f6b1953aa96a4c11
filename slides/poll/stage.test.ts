import { describe, expect, it } from 'vitest';
import type { StageView } from './poll-events';
import { Stage } from './stage';

describe('Stage', () => {
  it('knows no slide until the presenter reports one, then tells listeners about each change', () => {
    let now = 1_000;
    const stage = new Stage(() => now);
    expect(stage.view()).toEqual({ questions: null, breakEndsAt: null, serverNow: 1_000 });
    const seen: StageView[] = [];
    stage.subscribe((view) => seen.push(view));
    stage.showSlide(['mood']);
    stage.showSlide(['mood']);
    now = 2_000;
    stage.showSlide([]);
    expect(seen, 'the same slide twice is one change').toEqual([
      { questions: ['mood'], breakEndsAt: null, serverNow: 1_000 },
      { questions: [], breakEndsAt: null, serverNow: 2_000 },
    ]);
  });

  it('starts the break from the server clock, starts it anew, and ends it with 0 minutes', () => {
    let now = 5_000;
    const stage = new Stage(() => now);
    stage.setBreak(10);
    expect(stage.view().breakEndsAt).toBe(5_000 + 600_000);
    now = 65_000;
    stage.setBreak(1);
    expect(stage.view().breakEndsAt).toBe(125_000);
    stage.setBreak(0);
    expect(stage.view().breakEndsAt).toBeNull();
  });

  it('stops calling a listener that unsubscribed', () => {
    const stage = new Stage();
    const seen: StageView[] = [];
    const stop = stage.subscribe((view) => seen.push(view));
    stop();
    stage.setBreak(5);
    expect(seen).toEqual([]);
  });
});
