import { describe, expect, it } from 'vitest';
import {
  formatSummary,
  type JsonReport,
  requiredPass,
  SERVER_PROBLEM,
  serverProblems,
  summarizeReport,
} from './verify-summary';

const check = (title: string, status: string) => ({ title, tests: [{ results: [{ status }] }] });
/** A check that `Prerequisite.require()` skipped because an earlier one failed. */
const waiting = (title: string, reason: string) => ({
  title,
  tests: [{ annotations: [{ type: 'skip', description: reason }], results: [{ status: 'skipped' }] }],
});

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
        {
          title: 'Part 3 · broker',
          specs: [
            check('fans out', 'failed'),
            waiting('keeps presence', 'needs TODO 3.1 first (the broker fans out)'),
            waiting('Bonus: resumes', 'needs TODO 3.1 first (the broker fans out)'),
          ],
        },
      ],
    },
  ],
};

describe('summarizeReport', () => {
  it('counts required and bonus checks apart, by title and by group', () => {
    const summary = summarizeReport(report);
    expect(summary.required).toEqual({ passed: 2, total: 5 });
    expect(summary.bonus).toEqual({ passed: 1, total: 4 });
    expect(formatSummary(summary)).toBe(
      'Required 2/5 · Bonus 1/4\n  2 checks skipped: they need TODO 3.1 first (the broker fans out)',
    );
    expect(requiredPass(summary)).toBe(false);
  });

  it('speaks German with --lang de', () => {
    const summary = summarizeReport(report);
    expect(formatSummary(summary, 'de')).toBe(
      'Pflicht 2/5 · Bonus 1/4\n  2 Checks übersprungen: sie brauchen TODO 3.1 first (the broker fans out)',
    );
    const none = { ...summary, bonus: { passed: 0, total: 0 }, waiting: new Map() };
    expect(formatSummary(none, 'de')).toBe('Pflicht 2/5 · keine Bonus-Checks');
  });

  it('is done when every required check passes, whatever the bonus', () => {
    const done = { required: { passed: 5, total: 5 }, bonus: { passed: 0, total: 2 }, waiting: new Map() };
    expect(requiredPass(done)).toBe(true);
    expect(formatSummary({ ...done, bonus: { passed: 0, total: 0 } })).toBe('Required 5/5 · no bonus checks');
    expect(requiredPass({ ...done, required: { passed: 0, total: 0 } }), 'nothing ran').toBe(false);
  });
});

describe('serverProblems', () => {
  it('names what went wrong with your server once, however many checks saw it', () => {
    const crashed = 'Your server stopped (exit code 1) before it answered. Its last lines:\nSyntaxError';
    const sawIt = (title: string) => ({
      title,
      tests: [
        { results: [{ status: 'failed', annotations: [{ type: SERVER_PROBLEM, description: crashed }] }] },
      ],
    });
    const withProblem: JsonReport = {
      errors: [],
      suites: [
        { title: 'Part 2 · server', specs: [sawIt('answers'), sawIt('stores'), check('other', 'passed')] },
      ],
    };
    expect(serverProblems(withProblem)).toEqual([crashed]);
    expect(serverProblems(report)).toEqual([]);
  });
});
