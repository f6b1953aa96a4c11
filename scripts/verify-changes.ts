// `pnpm verify --watch` prints, after each save, only the checks whose outcome changed since the run before.
import type { Language } from './cli-language';
import type { JsonReport, ReportSuite } from './verify-summary';
import { verifyTexts } from './verify-texts';

export type Outcome = 'passed' | 'failed' | 'skipped';

export interface CheckOutcome {
  outcome: Outcome;
  /** The first line of the failure, for a check that failed. */
  reason?: string;
}

/** Every check of a run by its full title ("Part 1 · client › shows …"), with its outcome. */
export function checkOutcomes(report: JsonReport): Map<string, CheckOutcome> {
  const outcomes = new Map<string, CheckOutcome>();
  const visit = (suite: ReportSuite, groups: string[]) => {
    // The top suite is the spec file; its name says nothing to a student.
    const path = suite.title.endsWith('.ts') ? groups : [...groups, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const result = test.results.at(-1);
        if (!result) continue;
        const title = [...path, spec.title].join(' › ');
        outcomes.set(title, outcomeOf(result.status, result.error?.message));
      }
    }
    for (const child of suite.suites ?? []) visit(child, path);
  };
  for (const suite of report.suites) visit(suite, []);
  return outcomes;
}

/** One line per check that passes now and did not before, or fails now and did not before. */
export function describeChanges(
  before: Map<string, CheckOutcome>,
  after: Map<string, CheckOutcome>,
  language: Language = 'en',
): string[] {
  const text = verifyTexts(language);
  const lines: string[] = [];
  for (const [title, now] of after) {
    const earlier = before.get(title)?.outcome;
    if (earlier === now.outcome) continue;
    if (now.outcome === 'passed') lines.push(`✓ ${text.passesNow}: ${title}`);
    if (now.outcome === 'failed')
      lines.push(`✗ ${text.failsNow}: ${title}${now.reason ? `\n    ${now.reason}` : ''}`);
    if (now.outcome === 'skipped' && earlier === 'passed') lines.push(`- ${text.skippedNow}: ${title}`);
  }
  return lines;
}

function outcomeOf(status: string, message: string | undefined): CheckOutcome {
  if (status === 'passed') return { outcome: 'passed' };
  if (status === 'skipped') return { outcome: 'skipped' };
  const reason = firstLine(message);
  return reason ? { outcome: 'failed', reason } : { outcome: 'failed' };
}

/** The first line of Playwright's error message, without its colour codes. */
function firstLine(message: string | undefined): string | undefined {
  if (!message) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes start with the escape character.
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
}
