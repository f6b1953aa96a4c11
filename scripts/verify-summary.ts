// The closing line of `pnpm verify`: required and bonus checks counted apart, read from Playwright's JSON report.
import type { Language } from './cli-language';
import { verifyTexts } from './verify-texts';

interface ReportAnnotation {
  type: string;
  description?: string;
}

interface ReportResult {
  status: string;
  annotations?: ReportAnnotation[];
  error?: { message?: string };
}

interface ReportSpec {
  title: string;
  tests: { results: ReportResult[]; annotations?: ReportAnnotation[] }[];
}

export interface ReportSuite {
  title: string;
  suites?: ReportSuite[];
  specs?: ReportSpec[];
}

/** The part of Playwright's JSON report that the summary needs. */
export interface JsonReport {
  suites: ReportSuite[];
  errors: unknown[];
}

export interface CheckCount {
  passed: number;
  total: number;
}

export interface VerifySummary {
  required: CheckCount;
  bonus: CheckCount;
  /** Checks skipped because an earlier one failed, by what they need, e.g. "needs TODO 2.1 first (…)". */
  waiting: Map<string, number>;
}

/** How the skip reason of a check that waits for an earlier one starts (tests/harness/prerequisite.ts). */
export const NEEDS_PREFIX = 'needs ';
const NEEDS = new RegExp(`^${NEEDS_PREFIX}`);
/** The annotation that says what went wrong with the student's server (tests/harness/exercise-test.ts). */
export const SERVER_PROBLEM = 'your-server-problem';

/**
 * Counts passed checks; a check is a bonus when its title or one of its groups says "Bonus". A check skipped
 * because an earlier one failed counts as not passed; other skipped ones (e.g. no Redis here) don't count.
 */
export function summarizeReport(report: JsonReport): VerifySummary {
  const summary: VerifySummary = {
    required: { passed: 0, total: 0 },
    bonus: { passed: 0, total: 0 },
    waiting: new Map(),
  };
  const visit = (suite: ReportSuite, inBonus: boolean) => {
    const bonusHere = inBonus || isBonus(suite.title);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const result = test.results.at(-1);
        const status = result?.status;
        if (status === undefined) continue;
        const needs = status === 'skipped' ? waitingReason(test.annotations, result?.annotations) : undefined;
        if (status === 'skipped' && !needs) continue;
        if (needs) summary.waiting.set(needs, (summary.waiting.get(needs) ?? 0) + 1);
        const count = bonusHere || isBonus(spec.title) ? summary.bonus : summary.required;
        count.total += 1;
        if (status === 'passed') count.passed += 1;
      }
    }
    for (const child of suite.suites ?? []) visit(child, bonusHere);
  };
  for (const suite of report.suites) visit(suite, false);
  return summary;
}

/** `Required 7/9 · Bonus 1/4`, and a line per group of checks that wait for an earlier one. */
export function formatSummary(
  { required, bonus, waiting }: VerifySummary,
  language: Language = 'en',
): string {
  const text = verifyTexts(language);
  const bonusPart = bonus.total === 0 ? text.noBonusChecks : `Bonus ${bonus.passed}/${bonus.total}`;
  const lines = [`${text.required} ${required.passed}/${required.total} · ${bonusPart}`];
  for (const [needs, count] of waiting) {
    lines.push(`  ${text.skipped(count)} ${needs.replace(NEEDS, '')}`);
  }
  return lines.join('\n');
}

/** What went wrong with the student's server during the run (tests/harness/exercise-test.ts), each once. */
export function serverProblems(report: JsonReport): string[] {
  const problems = new Set<string>();
  const visit = (suite: ReportSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const annotations = [...(test.annotations ?? []), ...(test.results.at(-1)?.annotations ?? [])];
        for (const annotation of annotations) {
          if (annotation.type === SERVER_PROBLEM && annotation.description)
            problems.add(annotation.description);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites) visit(suite);
  return [...problems];
}

function waitingReason(...lists: (ReportAnnotation[] | undefined)[]): string | undefined {
  const annotations = lists.flatMap((list) => list ?? []);
  const skip = annotations.find(
    (annotation) => annotation.type === 'skip' && NEEDS.test(annotation.description ?? ''),
  );
  return skip?.description;
}

/** Done when every required check ran and passed; bonus checks are optional. */
export function requiredPass({ required }: VerifySummary): boolean {
  return required.total > 0 && required.passed === required.total;
}

function isBonus(title: string): boolean {
  return /\bbonus\b/i.test(title);
}
