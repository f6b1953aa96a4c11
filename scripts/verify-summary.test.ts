import { describe, expect, it } from 'vitest';
import { formatSummary, type JsonReport, requiredPass, summarizeReport } from './verify-summary';

const check = (title: string, status: string) => ({ title, tests: [{ results: [{ status }] }] });

const report: JsonReport = {
  errors: [],
  suites: [
    {
      title: 'task.spec.ts',
      suites: [
        {
          title: 'Part 1 · client',
          specs: [
            check('shows that it is connected', 'passed'),
            check('retries', 'failed'),
            check('Bonus: sends the last ETag', 'passed'),
            check('Bonus: pauses while hidden', 'timedOut'),
          ],
        },
        { title: 'Bonus · SSE variant', specs: [check('the page uses your server', 'failed')] },
        { title: 'Part 2 · server', specs: [check('answers 400', 'passed'), check('not run', 'skipped')] },
      ],
    },
  ],
};

describe('summarizeReport', () => {
  it('counts required and bonus checks apart, by title and by group', () => {
    const summary = summarizeReport(report);
    expect(summary).toEqual({ required: { passed: 2, total: 3 }, bonus: { passed: 1, total: 3 } });
    expect(formatSummary(summary)).toBe('Required 2/3 · Bonus 1/3');
    expect(requiredPass(summary)).toBe(false);
  });

  it('is done when every required check passes, whatever the bonus', () => {
    const done = { required: { passed: 5, total: 5 }, bonus: { passed: 0, total: 2 } };
    expect(requiredPass(done)).toBe(true);
    expect(formatSummary({ ...done, bonus: { passed: 0, total: 0 } })).toBe('Required 5/5 · no bonus checks');
    expect(requiredPass({ required: { passed: 0, total: 0 }, bonus: done.bonus }), 'nothing ran').toBe(false);
  });
});
