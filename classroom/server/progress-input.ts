// Checks a progress report from the network before anything stores it: a bad one gets a message that says
// what is wrong, and nothing of it is kept.
import { type CheckResult, PROGRESS_LIMITS, type ProgressReport } from './progress-messages';

export type ParsedReport = { report: ProgressReport } | { error: string };

const OUTCOMES = new Set(['passed', 'failed', 'skipped']);

export function parseProgressReport(body: unknown): ParsedReport {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'Send a JSON object: { "name": …, "exercise": "03", "checks": [ … ] }.' };
  }
  const { name, exercise, checks } = body as Record<string, unknown>;
  const cleanName = typeof name === 'string' ? name.trim() : '';
  if (cleanName === '' || cleanName.length > PROGRESS_LIMITS.nameLength || hasControlCharacters(cleanName)) {
    return { error: `"name" must be text of 1 to ${PROGRESS_LIMITS.nameLength} characters.` };
  }
  if (typeof exercise !== 'string' || !/^\d\d$/.test(exercise)) {
    return { error: '"exercise" must be the exercise number as two digits, e.g. "03".' };
  }
  if (!Array.isArray(checks) || checks.length > PROGRESS_LIMITS.checks) {
    return { error: `"checks" must be a list of at most ${PROGRESS_LIMITS.checks} checks.` };
  }
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = parseCheck(check);
    if (!result) {
      return {
        error: `Each check needs a "title" (1 to ${PROGRESS_LIMITS.titleLength} characters) and an "outcome" (passed, failed or skipped).`,
      };
    }
    results.push(result);
  }
  return { report: { name: cleanName, exercise, checks: results } };
}

function parseCheck(check: unknown): CheckResult | undefined {
  if (typeof check !== 'object' || check === null) return undefined;
  const { title, outcome } = check as Record<string, unknown>;
  if (typeof title !== 'string' || title.trim() === '' || title.length > PROGRESS_LIMITS.titleLength)
    return undefined;
  if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) return undefined;
  return { title, outcome: outcome as CheckResult['outcome'] };
}

function hasControlCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse here.
  return /[\u0000-\u001f\u007f]/.test(text);
}
