import { describe, expect, it } from 'vitest';
import { CommandBudget } from './command-budget';

describe('CommandBudget', () => {
  it('allows so many commands per second, then refuses until the next second', () => {
    const budget = new CommandBudget(3);
    const taken = [0, 100, 200, 300].map((now) => budget.take(now));
    expect(taken).toEqual([true, true, true, false]);
    expect(budget.take(1_000), 'a new second').toBe(true);
  });
});
