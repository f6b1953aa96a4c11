// `pnpm verify` in a class: after each run, the student's name and the outcome of each check go to the class
// server's progress board, once the student agreed (a name, kept in the kit's .env). Nothing else leaves.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { CheckResult, ProgressReport } from '../classroom/server/progress-messages';
import { PROGRESS_LIMITS } from '../classroom/server/progress-messages';
import { type ClassChoice, chooseClass, readEnvFile } from './class-options';
import type { Language } from './cli-language';
import type { CheckOutcome } from './verify-changes';
import { verifyTexts } from './verify-texts';

export interface Sharing {
  classUrl: string;
  name: string;
}

export interface SharingRequest {
  classFlag: string | undefined;
  nameFlag: string | undefined;
  exercise: string;
  language: Language;
  envFile: string;
  /** Whether a person can answer a question (a terminal); CI and tests cannot. */
  interactive: boolean;
  ask?: (question: string) => Promise<string>;
}

/** Who shares with which class server; undefined when there is no class server or the student declined. */
export async function chooseSharing(request: SharingRequest): Promise<Sharing | undefined> {
  const joined: ClassChoice | undefined = chooseClass(request.classFlag, process.env, request.envFile);
  if (!joined) return undefined;
  const text = verifyTexts(request.language);
  const remembered = readEnvFile(request.envFile);
  const flag = request.nameFlag?.trim();
  if (flag) {
    checkName(flag);
    rememberName(request.envFile, flag);
    return { classUrl: joined.url, name: flag };
  }
  const known = process.env.WORKSHOP_NAME?.trim() || remembered.WORKSHOP_NAME?.trim();
  if (known) return { classUrl: joined.url, name: known };
  // `WORKSHOP_NAME=` (empty) in .env: asked once and declined; --name changes the answer.
  if ('WORKSHOP_NAME' in remembered) return undefined;
  if (!request.interactive) {
    console.log(text.notShared(request.exercise));
    return undefined;
  }
  const answer = (await (request.ask ?? askInTerminal)(text.askToShare(joined.url))).trim();
  if (answer !== '') checkName(answer);
  rememberName(request.envFile, answer);
  return answer === '' ? undefined : { classUrl: joined.url, name: answer };
}

/** Sends one run's results; returns the line to print (shared, or why not). Never throws: verify goes on. */
export async function shareResults(
  sharing: Sharing,
  exercise: string,
  outcomes: Map<string, CheckOutcome>,
  language: Language,
): Promise<string> {
  const text = verifyTexts(language);
  const report: ProgressReport = { name: sharing.name, exercise, checks: toChecks(outcomes) };
  try {
    const response = await fetch(`${sharing.classUrl}/progress`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) return text.sharedAs(sharing.name);
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    return text.shareFailed(body.error ?? `HTTP ${response.status}`);
  } catch (error) {
    return text.shareFailed(error instanceof Error ? error.message : String(error));
  }
}

function toChecks(outcomes: Map<string, CheckOutcome>): CheckResult[] {
  return [...outcomes]
    .slice(0, PROGRESS_LIMITS.checks)
    .map(([title, { outcome }]) => ({ title: title.slice(0, PROGRESS_LIMITS.titleLength), outcome }));
}

/** Letters (any script), digits, spaces and . _ - ' : a name that reads well on the board and in .env. */
function checkName(name: string): void {
  if (name.length > PROGRESS_LIMITS.nameLength || !/^[\p{L}\p{N} ._'-]+$/u.test(name)) {
    throw new Error(
      `Your name on the board: at most ${PROGRESS_LIMITS.nameLength} letters, digits, spaces and . _ - ' (got "${name}").`,
    );
  }
}

/** Keeps `WORKSHOP_NAME=…` in the .env file: replaces the line if there is one, else adds it. */
export function rememberName(envFile: string, name: string): void {
  const line = `WORKSHOP_NAME=${name}`;
  const before = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
  const lines = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const index = lines.findIndex((existing) => /^\s*WORKSHOP_NAME\s*=/.test(existing));
  if (index >= 0) lines[index] = line;
  else lines.push(line);
  writeFileSync(envFile, `${lines.join('\n')}\n`);
}

async function askInTerminal(question: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}
