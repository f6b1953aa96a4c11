import { test as base } from '@playwright/test';
import { SERVER_PROBLEM } from '../../scripts/verify-summary';
import { type RunningExercise, startExercise, type Target } from './exercise-servers';

/** `pnpm verify NN` checks your work in exercises/ (or scratch/); everything else checks the reference solutions. */
export const target: Target = readTarget(process.env.WORKSHOP_TARGET);

function readTarget(value: string | undefined): Target {
  if (value === 'exercises' || value === 'scratch') return value;
  return 'solutions';
}

interface WorkerFixtures {
  /** Set once per spec file with `test.use({ exerciseName: '03-sse-notifications' })`. */
  exerciseName: string;
  serverEnv: Record<string, string>;
  proxyStudentServer: boolean;
  /**
   * Runs `server/index.NAME.ts`; the spec opens `index.NAME.html` itself. A worker option, so set it with
   * `test.use` at the top of a file, or per group with `const variantTest = test.extend({ variant: 'sse' })`.
   */
  variant: string;
  exercise: RunningExercise;
}

interface TestFixtures {
  /** Uncaught errors of the page; a spec checks it is empty. */
  pageErrors: string[];
  attachLogsOnFailure: undefined;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  exerciseName: ['', { scope: 'worker', option: true }],
  serverEnv: [{}, { scope: 'worker', option: true }],
  proxyStudentServer: [false, { scope: 'worker', option: true }],
  variant: ['', { scope: 'worker', option: true }],

  exercise: [
    async ({ exerciseName, serverEnv, proxyStudentServer, variant }, use) => {
      if (!exerciseName)
        throw new Error('Call test.use({ exerciseName: "NN-name" }) at the top of the spec.');
      const running = await startExercise({
        name: exerciseName,
        target,
        serverEnv,
        proxyStudentServer,
        variant: variant || undefined,
      });
      await use(running);
      await running.stop();
    },
    { scope: 'worker', timeout: 60_000 },
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
