// A README command run the way a person runs it: `pnpm …` in a terminal, in its own process group, stopped
// with Ctrl+C (SIGINT to the whole group). Records every line and every process the command started.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { ROOT } from '../../scripts/exercise-catalog';
import { isPortFree } from '../../scripts/ports';

/** The port variables a developer may have set; the commands must run on the documented defaults. */
const PORT_VARIABLES = [
  'CLIENT_PORT',
  'REFERENCE_PORT',
  'STUDENT_PORT',
  'REFERENCE_BROKER_PORT',
  'STUDENT_BROKER_PORT',
  'SLIDES_PORT',
  'POLL_PORT',
  'WORKSHOP_TARGET',
];
const MAX_OUTPUT_CHARS = 200_000;
const runningGroups = new Set<number>();

// A test run that crashes must not leave a `pnpm dev` behind on the workshop's ports.
process.once('exit', () => {
  for (const groupId of runningGroups) signalGroup(groupId, 'SIGKILL');
});

export interface TypedCommandOptions {
  /** Folder the command is typed in, relative to the repository root (or absolute, e.g. a copied bundle). */
  cwd?: string;
  env?: Record<string, string>;
  /** What is typed before the arguments: `pnpm`, or `node` for the class server's bundle. */
  program?: 'pnpm' | 'node';
}

export class TypedCommand {
  readonly text: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<number | null>;
  #output = '';
  #exitCode: number | null | undefined;
  #listeners = new Set<() => void>();

  constructor(args: string[], { cwd = '.', env = {}, program = 'pnpm' }: TypedCommandOptions = {}) {
    this.text = `(cd ${cwd} && ${program} ${args.join(' ')})`;
    const inherited = { ...process.env };
    for (const name of PORT_VARIABLES) delete inherited[name];
    this.#child = spawn(program === 'node' ? process.execPath : 'pnpm', args, {
      cwd: cwd.startsWith('/') ? cwd : `${ROOT}/${cwd}`,
      // A terminal puts the command into its own process group; Ctrl+C signals all of that group.
      detached: true,
      // English unless a test asks for German: the checks read the output, whatever the machine's language.
      // Nor may a class server in this machine's .env (pnpm class) change what they run.
      env: {
        ...inherited,
        FORCE_COLOR: '0',
        NO_COLOR: '1',
        WORKSHOP_LANG: 'en',
        WORKSHOP_CLASS: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (this.#child.pid !== undefined) runningGroups.add(this.#child.pid);
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#record(chunk));
    this.#child.stderr?.on('data', (chunk: Buffer) => this.#record(chunk));
    this.#exited = new Promise((resolve) => {
      this.#child.once('exit', (code) => {
        this.#exitCode = code;
        this.#notify();
        resolve(code);
      });
      this.#child.once('error', (error) => {
        this.#record(Buffer.from(String(error)));
        this.#exitCode = -1;
        this.#notify();
        resolve(-1);
      });
    });
  }

  get output(): string {
    return this.#output;
  }

  get pid(): number {
    if (this.#child.pid === undefined) throw new Error(`${this.text} did not start.`);
    return this.#child.pid;
  }

  /** Resolves with the first line that matches; fails at once, with the output, if the command ends first. */
  async waitForLine(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const [line] = await this.waitForLines(pattern, 1, timeoutMs);
    return line ?? '';
  }

  /** Resolves once `count` lines match (e.g. a server's third start); fails at once if the command ends first. */
  waitForLines(pattern: RegExp, count: number, timeoutMs = 60_000): Promise<string[]> {
    const wanted = count === 1 ? `a line like ${pattern}` : `${count} lines like ${pattern}`;
    return new Promise((resolve, reject) => {
      const check = () => {
        const lines = this.#output.split('\n').filter((each) => pattern.test(each));
        if (lines.length >= count) return finish(() => resolve(lines.slice(0, count)));
        if (this.#exitCode !== undefined) {
          return finish(() =>
            reject(this.#failure(`ended (exit ${this.#exitCode}) before printing ${wanted}`)),
          );
        }
      };
      const timer = setTimeout(
        () => finish(() => reject(this.#failure(`did not print ${wanted} within ${timeoutMs / 1000} s`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.#listeners.delete(check);
        settle();
      };
      this.#listeners.add(check);
      check();
    });
  }

  /** Resolves with the exit code when the command ends by itself. */
  exit(): Promise<number | null> {
    return this.#exited;
  }

  /** Every process of the command's group that is still alive (Linux: read from /proc). */
  processesLeft(): string[] {
    return listProcessGroup(this.pid);
  }

  /**
   * Ctrl+C: SIGINT to the whole group, then waits until the command has ended and, within a few seconds,
   * every process it started. Returns what is left behind (empty when it cleaned up).
   */
  async interrupt(graceMs = 10_000): Promise<string[]> {
    signalGroup(this.pid, 'SIGINT');
    await Promise.race([this.#exited, delay(graceMs)]);
    const deadline = Date.now() + graceMs;
    let left = listProcessGroup(this.pid);
    while (left.length > 0 && Date.now() < deadline) {
      await delay(100);
      left = listProcessGroup(this.pid);
    }
    if (this.#exitCode === undefined) left.unshift(`pnpm itself (pid ${this.pid}) did not end`);
    // Whatever still runs is a bug of the command; the test ends it so the next one finds the ports free.
    if (left.length > 0) signalGroup(this.pid, 'SIGKILL');
    runningGroups.delete(this.pid);
    return left;
  }

  #record(chunk: Buffer): void {
    this.#output = (this.#output + chunk.toString()).slice(-MAX_OUTPUT_CHARS);
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  #failure(what: string): Error {
    return new Error(`${this.text} ${what}. Its output:\n${this.#output}`);
  }
}

/** The ports of `ports` that something still listens on. */
export async function busyPorts(ports: number[]): Promise<number[]> {
  const busy: number[] = [];
  for (const port of ports) {
    if (!(await isPortFree(port))) busy.push(port);
  }
  return busy;
}

/** `pid command line` of every live process in group `groupId`. */
function listProcessGroup(groupId: number): string[] {
  if (process.platform !== 'linux') return isGroupAlive(groupId) ? [`process group ${groupId}`] : [];
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcFile(entry, 'stat');
    // The command name is in parentheses and may hold spaces; the fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const group = Number(fields[2]);
    if (group !== groupId || state === 'Z') continue;
    found.push(`${entry} ${readProcFile(entry, 'cmdline').split('\0').join(' ').trim()}`);
  }
  return found;
}

function readProcFile(pid: string, name: string): string {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return '';
  }
}

function isGroupAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-groupId, signal);
  } catch {
    // The group is gone already.
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
