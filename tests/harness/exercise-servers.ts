import { readDevPorts } from '../../scripts/dev-ports';
import { findExercise } from '../../scripts/exercise-catalog';
import { type Folder, localUrl, planLaunch } from '../../scripts/launch-plan';
import { say } from './language';
import { freeDevPorts, startPlanned } from './planned-process';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

/** Which copy of an exercise the specs check: the reference solutions, or the student's starters. */
export type Target = Folder;

export interface StartExerciseOptions {
  name: string;
  target: Target;
  /** Extra environment for both servers, e.g. a shorter keep-alive for a test. */
  serverEnv?: Record<string, string>;
  /** Puts a TCP proxy between the page and your server, so a test can cut the connection. */
  proxyStudentServer?: boolean;
  /** Runs `server/index.NAME.ts` instead of `server/index.ts` (e.g. the SSE variant of the chat). */
  variant?: string;
}

/** One exercise running like `pnpm dev` does, but on free ports. */
export interface RunningExercise {
  readonly pageUrl: string;
  readonly referenceUrl: string;
  /** Your server, reached directly (not through the proxy). */
  readonly studentUrl: string;
  /** The address the page was told to use for your server: the proxy's when there is one. */
  readonly studentUrlForPage: string;
  /** Your server's address in `pnpm dev` (e.g. http://localhost:4000), for messages: checks use free ports. */
  readonly studentUrlAsTyped: string;
  /** The reference server's address in `pnpm dev` (e.g. http://localhost:3000). */
  readonly referenceUrlAsTyped: string;
  readonly proxy: TcpProxy | undefined;
  /** Throws, with its output, if your server did not start. */
  requireStudentServer(): void;
  /** Why your server is not there (it never listened, or it stopped by itself), or undefined. */
  studentServerProblem(): string | undefined;
  restartStudentServer(): Promise<void>;
  /** The output of every process, for failure reports. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startExercise(options: StartExerciseOptions): Promise<RunningExercise> {
  const exercise = findExercise(options.name);
  const ports = await freeDevPorts();
  const proxy = options.proxyStudentServer ? await startTcpProxy(ports.student) : undefined;
  const studentUrl = localUrl(ports.student);
  const studentUrlForPage = proxy ? localUrl(proxy.port) : studentUrl;
  // The same plan as `pnpm dev`, on free ports: page, reference server and your server.
  const [pagePlan, referencePlan, studentPlan] = planLaunch({
    exercise,
    folder: options.target,
    ports,
    variant: options.variant,
    serverEnv: options.serverEnv,
    studentUrlForPage,
  });
  if (!pagePlan || !referencePlan || !studentPlan)
    throw new Error(`${exercise.name} plans no page and two servers.`);
  const pageUrl = localUrl(ports.client);
  const referenceUrl = localUrl(ports.reference);
  const typedPorts = readDevPorts(process.env, { student: exercise.studentPort });
  const studentUrlAsTyped = localUrl(typedPorts.student);
  const referenceUrlAsTyped = localUrl(typedPorts.reference);

  const reference = startPlanned(referencePlan);
  let student = startPlanned(studentPlan);
  let studentError: Error | undefined;
  const client = startPlanned(pagePlan);

  const waitForStudent = async () => {
    studentError = undefined;
    try {
      await student.waitForHttp(studentUrl);
    } catch (error) {
      // Part 1 can pass before the server of Part 2 works, so this only fails the tests that need it.
      studentError = error as Error;
    }
  };

  async function stop(): Promise<void> {
    await Promise.all([client.stop(), reference.stop(), student.stop(), proxy?.close()]);
  }

  try {
    await Promise.all([reference.waitForHttp(referenceUrl), client.waitForHttp(pageUrl), waitForStudent()]);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    pageUrl,
    referenceUrl,
    studentUrl,
    studentUrlForPage,
    studentUrlAsTyped,
    referenceUrlAsTyped,
    proxy,
    requireStudentServer() {
      if (studentError) throw studentError;
    },
    studentServerProblem() {
      const where = `(server/, ${studentUrlAsTyped} ${say('in pnpm dev', 'bei pnpm dev')})`;
      if (student.hasCrashed) {
        return say(
          `Your server ${where} stopped ${studentError ? 'before it listened' : 'while the checks ran'}: ${student.howItEnded}. Its last lines:\n${student.lastLines()}`,
          `Dein Server ${where} hat sich beendet, ${studentError ? 'bevor er auf Verbindungen wartete' : 'während die Checks liefen'}: ${student.howItEnded}. Seine letzten Zeilen:\n${student.lastLines()}`,
        );
      }
      if (!studentError) return undefined;
      return say(
        `Your server ${where} did not answer within 20 s. Its last lines:\n${student.lastLines()}`,
        `Dein Server ${where} hat nicht innerhalb von 20 s geantwortet. Seine letzten Zeilen:\n${student.lastLines()}`,
      );
    },
    async restartStudentServer() {
      await student.stop();
      student = startPlanned(studentPlan);
      await waitForStudent();
      if (studentError) throw studentError;
    },
    logs() {
      return [client, reference, student]
        .map((process) => `── ${process.label} ──\n${process.output}`)
        .join('\n');
    },
    stop,
  };
}
