// The closing line of `pnpm verify`: required and bonus checks counted apart, read from Playwright's JSON report.

interface ReportResult {
  status: string;
}

interface ReportSpec {
  title: string;
  tests: { results: ReportResult[] }[];
}

interface ReportSuite {
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
}

/** Counts passed checks; a check is a bonus when its title or one of its groups says "Bonus". Skipped ones don't count. */
export function summarizeReport(report: JsonReport): VerifySummary {
  const summary: VerifySummary = { required: { passed: 0, total: 0 }, bonus: { passed: 0, total: 0 } };
  const visit = (suite: ReportSuite, inBonus: boolean) => {
    const bonusHere = inBonus || isBonus(suite.title);
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const status = test.results.at(-1)?.status;
        if (status === undefined || status === 'skipped') continue;
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

/** `Required 7/9 · Bonus 1/4`. */
export function formatSummary({ required, bonus }: VerifySummary): string {
  const bonusPart = bonus.total === 0 ? 'no bonus checks' : `Bonus ${bonus.passed}/${bonus.total}`;
  return `Required ${required.passed}/${required.total} · ${bonusPart}`;
}

/** Done when every required check ran and passed; bonus checks are optional. */
export function requiredPass({ required }: VerifySummary): boolean {
  return required.total > 0 && required.passed === required.total;
}

function isBonus(title: string): boolean {
  return /\bbonus\b/i.test(title);
}
