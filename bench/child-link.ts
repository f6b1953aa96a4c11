// A forked TypeScript child process that the bench talks to by messages: ask, then wait for the answer.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildLink<Reply> {
  readonly child: ChildProcess;
  /** The next message from the child that `matches`; rejects when the child exits first or after `boundMs`. */
  next(matches: (reply: Reply) => boolean, boundMs: number): Promise<Reply>;
  send(message: unknown): void;
  /** Lets the child close what it holds, then waits for its exit. */
  stop(): Promise<void>;
}

/** How long a child may take to close its port after the bench let go of it. */
const STOP_BOUND_MS = 10_000;

export function forkChild<Reply>(
  file: URL,
  args: string[] = [],
  options: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {},
): ChildLink<Reply> {
  const child = fork(fileURLToPath(file), args, {
    execArgv: [...(options.execArgv ?? []), '--import', 'tsx/esm'],
    env: options.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    next: (matches, boundMs) => nextMessage(child, matches, boundMs),
    send: (message) => {
      if (child.connected) child.send(message as object);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Disconnecting is the child's sign to close its port and exit; a stuck one is killed after the bound.
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_BOUND_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function nextMessage<Reply>(
  child: ChildProcess,
  matches: (reply: Reply) => boolean,
  boundMs: number,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!matches(message as Reply)) return;
      finish();
      resolve(message as Reply);
    };
    const onExit = (code: number | null) => {
      finish();
      reject(new Error(`The child process ended (exit code ${code}) before it answered.`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`No answer from the child process within ${boundMs / 1000} s.`));
    }, boundMs);
    const finish = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
