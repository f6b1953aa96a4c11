import { test as base } from '@playwright/test';
import { SERVER_PROBLEM } from '../../scripts/verify-summary';
import {
  type RunningExercise,
  type StartExerciseOptions,
  startExercise,
  type Target,
} from './exercise-servers';

/** `pnpm verify NN` checks your work in exercises/ (or scratch/); everything else checks the reference solutions. */
export const target: Target = readTarget(process.env.WORKSHOP_TARGET);

function readTarget(value: string | undefined): Target {
  if (value === 'exercises' || value === 'scratch') return value;
  return 'solutions';
}

interface TestFixtures {
  /** Set once per spec file with `test.use({ exerciseName: '03-sse-notifications' })`. */
  exerciseName: string;
  serverEnv: Record<string, string>;
  proxyStudentServer: boolean;
  /**
   * Runs `server/index.NAME.ts`; the spec opens `index.NAME.html` itself. Set it per group of checks with
   * `const variantTest = test.extend({ variant: 'sse' })`.
   */
  variant: string;
  /** Page, reference server and your server, shared by the checks of one spec file with the same options. */
  exercise: RunningExercise;
  /** Uncaught errors of the page; a spec checks it is empty. */
  pageErrors: string[];
  attachLogsOnFailure: undefined;
}

interface WorkerFixtures {
  runningExercises: RunningExercises;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  // Test options, not worker options: a worker (a Node process and a browser) then runs spec after spec,
  // instead of one new worker per spec file and option set (about 50 per run, 2 CPU-s each to start).
  exerciseName: ['', { option: true }],
  serverEnv: [{}, { option: true }],
  proxyStudentServer: [false, { option: true }],
  variant: ['', { option: true }],

  runningExercises: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's needs from this pattern: none.
    async ({}, use) => {
      const running = new RunningExercises();
      await use(running);
      await running.stopAll();
    },
    { scope: 'worker' },
  ],

  exercise: [
    async ({ exerciseName, serverEnv, proxyStudentServer, variant, runningExercises }, use, testInfo) => {
      if (!exerciseName)
        throw new Error('Call test.use({ exerciseName: "NN-name" }) at the top of the spec.');
      // The spec file, also for checks declared in a helper it imports (04's chat-task-tests.ts).
      const specFile = testInfo.titlePath[0] ?? testInfo.file;
      const running = await runningExercises.forSpec(specFile, {
        name: exerciseName,
        target,
        serverEnv,
        proxyStudentServer,
        variant: variant || undefined,
      });
      await use(running);
    },
    { timeout: 60_000 },
  ],

  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },

  attachLogsOnFailure: [
    async ({ exercise }, use, testInfo) => {
      await use(undefined);
      // `pnpm verify` names a crashed or silent server first, before the checks that failed because of it.
      const problem = exercise.studentServerProblem();
      if (problem) testInfo.annotations.push({ type: SERVER_PROBLEM, description: problem });
      if (testInfo.status === testInfo.expectedStatus) return;
      await testInfo.attach('server output', { body: exercise.logs(), contentType: 'text/plain' });
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';

/**
 * The exercises one spec file started, one per option set, kept for the file's next checks: its checks share
 * servers as they always did, and a new spec file starts fresh ones, so no state leaks from file to file.
 */
class RunningExercises {
  private specFile = '';
  private readonly byOptions = new Map<string, Promise<RunningExercise>>();

  async forSpec(specFile: string, options: StartExerciseOptions): Promise<RunningExercise> {
    if (specFile !== this.specFile) {
      await this.stopAll();
      this.specFile = specFile;
    }
    const key = JSON.stringify(options);
    let running = this.byOptions.get(key);
    if (!running) {
      running = startExercise(options);
      this.byOptions.set(key, running);
      // A start that failed is tried again by the next check, as a new worker did before.
      running.catch(() => this.byOptions.delete(key));
    }
    return running;
  }

  async stopAll(): Promise<void> {
    const starts = [...this.byOptions.values()];
    this.byOptions.clear();
    const settled = await Promise.allSettled(starts);
    await Promise.all(
      settled.map((start) => (start.status === 'fulfilled' ? start.value.stop() : undefined)),
    );
  }
}
