import { type ChildProcess, spawn } from 'node:child_process';

export interface ManagedProcessOptions {
  /** Shown in error messages, e.g. "your server". */
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** How long it may take to answer at all before waitForHttp gives up (default 20 s). */
  readyBoundMs?: number;
}

const MAX_LOG_CHARS = 20_000;
const running = new Set<ChildProcess>();

// A crashed test run must not leave servers behind that block the ports next time.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A child process whose output is kept for error messages, and which is always stopped again. */
export class ManagedProcess {
  readonly label: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #output = '';
  #exitCode: number | null | undefined;
  #signal: NodeJS.Signals | null = null;
  /** Set when the test stops the process itself, so its end is not taken for a crash. */
  #stopAsked = false;
  readonly #readyBoundMs: number;

  constructor({ label, command, args, cwd, env, readyBoundMs = 20_000 }: ManagedProcessOptions) {
    this.label = label;
    this.#readyBoundMs = readyBoundMs;
    this.#child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(this.#child);
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#record(chunk));
    this.#child.stderr?.on('data', (chunk: Buffer) => this.#record(chunk));
    this.#exited = new Promise((resolve) => {
      this.#child.once('exit', (code, signal) => {
        this.#exitCode = code;
        this.#signal = signal;
        running.delete(this.#child);
        resolve();
      });
      this.#child.once('error', (error) => {
        this.#record(Buffer.from(String(error)));
        this.#exitCode = -1;
        running.delete(this.#child);
        resolve();
      });
    });
  }

  /** The process id, e.g. to read its memory from /proc. */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  get output(): string {
    return this.#output;
  }

  get hasExited(): boolean {
    return this.#exitCode !== undefined;
  }

  /** Ended by itself (an exception, a syntax error, process.exit), not because a test stopped it. */
  get hasCrashed(): boolean {
    return this.hasExited && !this.#stopAsked;
  }

  /** "exit code 1" or "signal SIGKILL", for messages. */
  get howItEnded(): string {
    if (this.#signal) return `signal ${this.#signal}`;
    return `exit code ${this.#exitCode}`;
  }

  /** The last lines of its output: what a student needs to see when the process died. */
  lastLines(count = 15): string {
    const lines = this.#output.trimEnd().split('\n');
    return lines.slice(-count).join('\n');
  }

  /** Polls `url` until it answers at all (any status); fails early, with the output, if the process dies. */
  async waitForHttp(url: string, timeoutMs = this.#readyBoundMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.hasExited) {
        throw new Error(
          `${this.label} stopped (${this.howItEnded}) before it answered on ${url}. ` +
            `Its last lines:\n${this.lastLines()}`,
        );
      }
      if (await answers(url)) return;
      await delay(100);
    }
    throw new Error(
      `${this.label} did not answer on ${url} within ${timeoutMs / 1000} s. Its output:\n${this.#output}`,
    );
  }

  /** Waits until the process prints a line that matches, e.g. a server that does not speak HTTP. */
  async waitForOutput(pattern: RegExp, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.#output)) {
      if (this.hasExited)
        throw new Error(`${this.label} stopped before it was ready. Its output:\n${this.#output}`);
      if (Date.now() > deadline) {
        throw new Error(
          `${this.label} was not ready within ${timeoutMs / 1000} s. Its output:\n${this.#output}`,
        );
      }
      await delay(100);
    }
  }

  /** Asks the process to end, and kills it if it has not after a few seconds. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    this.#stopAsked = true;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 3_000);
    await this.#exited;
    clearTimeout(timer);
  }

  /** Sends a signal, e.g. SIGSTOP and SIGCONT to make the process stop answering for a while. */
  signal(name: NodeJS.Signals): void {
    if (!this.hasExited) this.#child.kill(name);
  }

  /** Ends the process at once, without letting it clean up: a crash or a pulled plug. */
  async kill(): Promise<void> {
    if (this.hasExited) return;
    this.#stopAsked = true;
    this.#child.kill('SIGKILL');
    await this.#exited;
  }

  #record(chunk: Buffer): void {
    this.#output = (this.#output + chunk.toString()).slice(-MAX_LOG_CHARS);
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
