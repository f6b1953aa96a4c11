import path from 'node:path';
import { ROOT } from '../../scripts/exercise-catalog';
import { findFreePort } from '../../scripts/ports';
import { ManagedProcess } from './managed-process';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

/** Which copy of an exercise the specs check: the reference solutions, or the student's starters. */
export type Target = 'solutions' | 'exercises';

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
  readonly proxy: TcpProxy | undefined;
  /** Throws, with its output, if your server did not start. */
  requireStudentServer(): void;
  restartStudentServer(): Promise<void>;
  /** The output of every process, for failure reports. */
  logs(): string;
  stop(): Promise<void>;
}

export async function startExercise(options: StartExerciseOptions): Promise<RunningExercise> {
  const exerciseDir = path.join(ROOT, options.target, options.name);
  const solutionDir = path.join(ROOT, 'solutions', options.name);
  const [clientPort, referencePort, studentPort] = [
    await findFreePort(),
    await findFreePort(),
    await findFreePort(),
  ];
  const pageUrl = `http://localhost:${clientPort}`;
  const referenceUrl = `http://localhost:${referencePort}`;
  const studentUrl = `http://localhost:${studentPort}`;
  const serverEnv = {
    ALLOWED_ORIGINS: `${pageUrl},http://127.0.0.1:${clientPort}`,
    ...options.serverEnv,
  };

  const startServer = (label: string, directory: string, port: number) =>
    new ManagedProcess({
      label,
      command: process.execPath,
      args: ['--import', 'tsx', `server/${options.variant ? `index.${options.variant}.ts` : 'index.ts'}`],
      cwd: directory,
      env: { ...serverEnv, PORT: String(port) },
    });

  const reference = startServer('The reference server', solutionDir, referencePort);
  let student = startServer('Your server', exerciseDir, studentPort);
  let studentError: Error | undefined;
  const proxy = options.proxyStudentServer ? await startTcpProxy(studentPort) : undefined;
  const studentUrlForPage = proxy ? `http://localhost:${proxy.port}` : studentUrl;
  const client = new ManagedProcess({
    label: 'The page (Vite)',
    command: process.execPath,
    args: [
      path.join(exerciseDir, 'node_modules', 'vite', 'bin', 'vite.js'),
      '--port',
      String(clientPort),
      '--strictPort',
      // Vite allows one dev server per project; a student's own `pnpm dev` may be running beside the tests.
      '--bypass-lock',
    ],
    cwd: exerciseDir,
    env: { VITE_REFERENCE_SERVER: referenceUrl, VITE_YOUR_SERVER: studentUrlForPage },
  });

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
    proxy,
    requireStudentServer() {
      if (studentError) throw studentError;
    },
    async restartStudentServer() {
      await student.stop();
      student = startServer('Your server', exerciseDir, studentPort);
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
