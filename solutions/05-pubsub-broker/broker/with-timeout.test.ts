import { describe, expect, it } from 'vitest';
import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('passes an answer through, and rejects a call that never answers', async () => {
    await expect(withTimeout(Promise.resolve('OK'), 50, 'GET')).resolves.toBe('OK');
    await expect(withTimeout(new Promise(() => {}), 20, 'MULTI')).rejects.toThrow(
      'MULTI got no answer within 20 ms.',
    );
  });
});
