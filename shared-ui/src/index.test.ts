import { describe, expect, it } from 'vitest';
import * as sharedUi from './index';

describe('public API', () => {
  it('exports exactly the functions the exercises use', () => {
    expect(Object.keys(sharedUi).sort()).toEqual([
      'addToTable',
      'appendMessage',
      'flashNotification',
      'resetTable',
      'setConnectionStatus',
      'setFormDisabledState',
      'setOnSubmit',
      'updateFlashNotification',
    ]);
  });
});
