import { describe, expect, it } from 'vitest';
import { MessageBudget } from './message-budget';

describe('MessageBudget', () => {
  it('allows the budget per second, then refuses until the next second', () => {
    const budget = new MessageBudget(3);
    const taken = [0, 10, 20, 30].map((at) => budget.take(1_000 + at));
    expect(taken).toEqual([true, true, true, false]);
    expect(budget.take(2_000), 'a new second, a new budget').toBe(true);
  });
});
