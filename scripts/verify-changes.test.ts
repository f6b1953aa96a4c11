import { describe, expect, it } from 'vitest';
import { checkOutcomes, describeChanges } from './verify-changes';
import type { JsonReport } from './verify-summary';

/** A report of one spec file with a "Part 1" group, as Playwright's JSON reporter writes it. */
function reportOf(checks: Record<string, { status: string; message?: string }>): JsonReport {
  return {
    errors: [],
    suites: [
      {
        title: '01-short-polling/task.spec.ts',
        suites: [
          {
            title: 'Part 1 · client',
            specs: Object.entries(checks).map(([title, { status, message }]) => ({
              title,
              tests: [{ results: [{ status, ...(message ? { error: { message } } : {}) }] }],
            })),
          },
        ],
      },
    ],
  };
}

describe('checkOutcomes', () => {
  it('names each check by its groups and title, with the first line of a failure without colours', () => {
    const outcomes = checkOutcomes(
      reportOf({
        'polls on the interval': { status: 'passed' },
        'shows a failed poll': {
          status: 'failed',
          message: '\u001b[31mError: TODO 1.4: show the error\u001b[39m\n\nexpect(locator).toBeVisible()',
        },
        'Bonus: backs off': { status: 'skipped' },
      }),
    );
    expect([...outcomes]).toEqual([
      ['Part 1 · client › polls on the interval', { outcome: 'passed' }],
      [
        'Part 1 · client › shows a failed poll',
        { outcome: 'failed', reason: 'Error: TODO 1.4: show the error' },
      ],
      ['Part 1 · client › Bonus: backs off', { outcome: 'skipped' }],
    ]);
  });
});

describe('describeChanges', () => {
  const before = checkOutcomes(
    reportOf({
      'polls on the interval': { status: 'failed', message: 'Error: TODO 1.1' },
      'shows a failed poll': { status: 'passed' },
      'keeps failing': { status: 'failed', message: 'Error: TODO 1.5' },
    }),
  );

  it('lists what passes now and what fails now, with the reason, and nothing that stayed the same', () => {
    const after = checkOutcomes(
      reportOf({
        'polls on the interval': { status: 'passed' },
        'shows a failed poll': { status: 'failed', message: 'Error: TODO 1.4: show the error' },
        'keeps failing': { status: 'failed', message: 'Error: TODO 1.5' },
      }),
    );
    expect(describeChanges(before, after)).toEqual([
      '✓ passes now: Part 1 · client › polls on the interval',
      '✗ fails now: Part 1 · client › shows a failed poll\n    Error: TODO 1.4: show the error',
    ]);
  });

  it('speaks German with --lang de', () => {
    const after = checkOutcomes(reportOf({ 'polls on the interval': { status: 'passed' } }));
    expect(describeChanges(before, after, 'de')).toEqual([
      '✓ besteht jetzt: Part 1 · client › polls on the interval',
    ]);
  });

  it('says nothing when every check kept its result', () => {
    expect(describeChanges(before, before)).toEqual([]);
  });

  it('names a check that passed before and is skipped now', () => {
    const after = checkOutcomes(reportOf({ 'shows a failed poll': { status: 'skipped' } }));
    expect(describeChanges(before, after)).toEqual(['- skipped now: Part 1 · client › shows a failed poll']);
  });
});
