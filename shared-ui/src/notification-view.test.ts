import { describe, expect, it } from 'vitest';
import type { NotificationView } from './notification-view';
import { isFinished, isProgressNotification, progressPercent } from './notification-view';

function notification(changes: Partial<NotificationView> = {}): NotificationView {
  return { id: '1', title: 'Export', message: 'Exporting', time: '2026-11-29T09:15:00.000Z', ...changes };
}

describe('isProgressNotification', () => {
  it('is true only for type "progress"', () => {
    expect(isProgressNotification(notification({ type: 'progress', progress: 10 }))).toBe(true);
    expect(isProgressNotification(notification())).toBe(false);
  });
});

describe('progressPercent', () => {
  it.each([
    [60, 60],
    [0, 0],
    [100, 100],
    [150, 100],
    [-5, 0],
    [42.9, 42],
    [99.6, 99],
    [Number.NaN, 0],
    [undefined, 0],
  ])('turns %s into %s', (progress, expected) => {
    expect(progressPercent(notification({ type: 'progress', progress }))).toBe(expected);
  });
});

describe('isFinished', () => {
  it('is true for a progress notification at 100', () => {
    expect(isFinished(notification({ type: 'progress', progress: 100 }))).toBe(true);
  });

  it('is false below 100 and for plain notifications', () => {
    expect(isFinished(notification({ type: 'progress', progress: 99.9 })), '99.9 is not done yet').toBe(
      false,
    );
    expect(isFinished(notification({ progress: 100 })), 'plain notifications never finish').toBe(false);
  });
});
