import { describe, expect, it } from 'vitest';
import { createMemoryEngine } from './memory-engine';

describe('memory engine position', () => {
  it('names a valid since before the first publish, so nothing published later is missed', async () => {
    const engine = createMemoryEngine({ historySize: 10 });
    const start = await engine.position();
    expect(start).toMatch(/^[a-z0-9]+-0$/);
    const first = await engine.publish('ideas', 'idea.created', { text: 'first' });
    expect(await engine.history('ideas', start)).toEqual({ lost: false, messages: [first] });
    expect(await engine.position()).toBe(first.id);
  });
});
