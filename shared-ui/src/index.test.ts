import { describe, expect, it } from 'vitest';
import * as sharedUi from './index';

describe('public API', () => {
  it('exports exactly the functions the exercises use', () => {
    expect(Object.keys(sharedUi).sort()).toEqual([
      'addIdea',
      'addToTable',
      'appendMessage',
      'flashNotification',
      'removeMessages',
      'resetIdeas',
      'resetTable',
      'setConnectionStatus',
      'setFormDisabledState',
      'setOnIdeaSubmit',
      'setOnInstructorAction',
      'setOnJoin',
      'setOnSubmit',
      'setPresence',
      'setRound',
      'showAlert',
      'showIdeaError',
      'showJoined',
      'showRetryCountdown',
      'updateFlashNotification',
    ]);
  });
});
