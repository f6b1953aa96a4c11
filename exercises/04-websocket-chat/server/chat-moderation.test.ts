import { describe, expect, it } from 'vitest';
import { ChatModeration } from './chat-moderation';

describe('ChatModeration', () => {
  it('lets everyone post while no rule is set, but never as the instructor', () => {
    const moderation = new ChatModeration();
    expect(moderation.admit('Ada')).toBeUndefined();
    expect(moderation.admit('Ada')).toBeUndefined();
    for (const lookalike of ['Instruc\u200Btor', 'ＩＮＳＴＲＵＣＴＯＲ', 'Instructo\u0301r']) {
      expect(moderation.admit(lookalike), JSON.stringify(lookalike)).toMatchObject({ reason: 'reserved' });
    }
    expect(moderation.admit(' INSTRUCTOR')).toMatchObject({
      reason: 'reserved',
      error: expect.stringMatching(/kept for the instructor/),
    });
  });

  it('mutes a name whatever its case, and unmutes it', () => {
    const moderation = new ChatModeration();
    moderation.mute('Ada');
    expect(moderation.admit('ADA ')).toEqual({
      reason: 'muted',
      error: 'The instructor has muted the name "ADA ".',
    });
    expect(moderation.state.muted).toEqual(['ada']);
    moderation.unmute('ada');
    expect(moderation.admit('Ada')).toBeUndefined();
  });

  it('lets a name post once per slow-mode interval and says how long to wait', () => {
    let now = 0;
    const moderation = new ChatModeration(() => now);
    moderation.setSlowMode(30);
    expect(moderation.admit('Ada')).toBeUndefined();
    now = 12_000;
    expect(moderation.admit('ada')).toEqual({
      reason: 'slow',
      error: 'Slow mode: one message every 30 s per name; wait 18 s.',
    });
    expect(moderation.admit('Grace'), 'another name has its own wait').toBeUndefined();
    now = 30_000;
    expect(moderation.admit('Ada')).toBeUndefined();
    moderation.setSlowMode(0);
    expect(moderation.admit('Ada'), 'slow mode is over').toBeUndefined();
    expect(moderation.state).toEqual({ muted: [], slowModeSeconds: 0 });
  });
});
