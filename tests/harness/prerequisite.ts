// Checks that build on an earlier one: once it failed, `pnpm verify` skips them at once ("needs TODO 1.1–1.2
// first") instead of letting each wait for the same missing piece to time out, so an untouched starter is
// checked in seconds. Against the solutions (`pnpm test`) every check runs, so nothing can hide behind a skip.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { NEEDS_PREFIX } from '../../scripts/verify-summary';
import { say } from './language';

/** `pnpm verify` on a student's copy (exercises/ or scratch/), not the reference. */
const CHECKING_STARTERS =
  process.env.WORKSHOP_TARGET === 'exercises' || process.env.WORKSHOP_TARGET === 'scratch';

export class Prerequisite {
  readonly #name: string;
  /** The check running now that establishes it, if any. */
  #establishingTestId: string | undefined;

  /**
   * Declare it at the top of the spec file (its hook must see the check that establishes it). `what` names what must work, `todos` the
   * TODOs that make it work, e.g. `new Prerequisite('the page shows "Connected"', 'TODO 1.1–1.2')`.
   */
  constructor(
    readonly what: string,
    readonly todos: string,
  ) {
    this.#name = `${todos} ${what}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    // The check that establishes it may fail by an expectation or by timing out: read its final status.
    test.afterEach(async () => {
      const info = test.info();
      if (info.testId !== this.#establishingTestId) return;
      this.#establishingTestId = undefined;
      if (info.status !== info.expectedStatus) this.#markFailed();
    });
  }

  /** Call first in the check that shows it works. */
  establishedHere(): void {
    this.#establishingTestId = test.info().testId;
  }

  /** Call first in every check that needs it: skips the check at once when the prerequisite failed. */
  require(): void {
    test.skip(CHECKING_STARTERS && this.#hasFailed(), this.#reason());
  }

  /**
   * Call in a group whose checks all need it: they are skipped before their fixtures start, which saves
   * a group with servers or a browser of its own from starting them for nothing.
   */
  requireForGroup(): void {
    test.skip(() => CHECKING_STARTERS && this.#hasFailed(), this.#reason());
  }

  /**
   * For a check that may run without the one that establishes the prerequisite (`--part bonus`, a new worker):
   * when `met` is false, `pnpm verify` skips it now with the prerequisite's TODOs; against the solutions it
   * must fail, so nothing can hide behind a skip.
   */
  skipUnlessMet(met: boolean): void {
    test.skip(CHECKING_STARTERS && !met, this.#reason());
  }

  #reason(): string {
    // verify's summary shows the part after the prefix: "1 check skipped: it needs TODO 1.1–1.2 first (…)".
    return `${NEEDS_PREFIX}${say(`${this.todos} first (${this.what})`, `zuerst ${this.todos} (${this.what})`)}`;
  }

  // Playwright starts a fresh worker after a failure, so the verdict lives in the run's output folder
  // (emptied when a run starts), not in memory.
  #markerFile(): string {
    const info = test.info();
    // The spec file that runs the check (a check may be declared in a helper file it imports).
    const spec = (info.titlePath[0] ?? '').replace(/\W+/g, '-');
    return path.join(info.project.outputDir, '.prerequisites', `${spec}-${this.#name}.failed`);
  }

  #markFailed(): void {
    const file = this.#markerFile();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
  }

  #hasFailed(): boolean {
    return existsSync(this.#markerFile());
  }
}
