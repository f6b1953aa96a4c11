import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { directCommand, shellCommand, toolCommand } from './launch-command';
import type { LaunchProcess } from './launch-plan';

const ROOT = path.resolve(import.meta.dirname, '..');
/** A bound for a hang, not a wait: a restart takes about a second. */
const RESTART_BOUND_MS = 20_000;

function serverProcess(cwd: string, entry: string): LaunchProcess {
  return {
    name: 'your server',
    title: 'Your server',
    kind: 'server',
    cwd,
    entry,
    port: 4000,
    portVariable: 'PORT',
    env: {},
    readyUrl: 'http://localhost:4000/',
    color: 'green',
  };
}

describe('toolCommand', () => {
  it('runs a server once under tsx for the tests, and under node --watch for pnpm dev', () => {
    const server = serverProcess('/exercise', 'server/index.ts');
    expect(toolCommand(server, { watch: false })).toEqual({
      tool: 'node',
      args: ['--import', 'tsx', 'server/index.ts'],
    });
    expect(shellCommand(toolCommand(server, { watch: true }))).toBe(
      'node --watch --watch-preserve-output --import tsx server/index.ts',
    );
  });

  it('runs a bundled server with plain node, watched or not', () => {
    const bundled = serverProcess('/class', 'server.mjs');
    expect(toolCommand(bundled, { watch: true })).toEqual({ tool: 'node', args: ['server.mjs'] });
  });
});

describe('a watched server (pnpm dev)', () => {
  let folder: string | undefined;
  let child: ChildProcess | undefined;

  afterEach(() => {
    stopProcessGroup(child);
    child = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  // tsx watch missed saves to imported files on Node 24 (tsx issue #767); Node's own watch mode sees them.
  it('restarts when a file the server imports is saved, on every supported Node', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'launch-command-'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'junction');
    writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(path.join(folder, 'greeting.ts'), "export const greeting: string = 'started';\n");
    writeFileSync(
      path.join(folder, 'index.ts'),
      "import { greeting } from './greeting';\nconsole.log(greeting);\nsetInterval(() => {}, 60_000);\n",
    );
    const [command, ...args] = directCommand(
      folder,
      toolCommand(serverProcess(folder, 'index.ts'), { watch: true }),
    );
    child = spawn(command ?? process.execPath, args, {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own (not on Windows), so the watcher and the server it runs stop together.
      detached: process.platform !== 'win32',
    });
    const output = collectOutput(child);

    await output.waitForCount('started', 1);
    appendFileSync(path.join(folder, 'greeting.ts'), '// a student saves\n');
    await output.waitForCount('started', 2);
  }, 45_000);
});

function stopProcessGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  if (process.platform === 'win32') child.kill();
  else process.kill(-child.pid, 'SIGTERM');
}

/** The process's output, and a way to wait until a line has appeared a number of times. */
function collectOutput(child: ChildProcess) {
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  function count(line: string): number {
    return text.split('\n').filter((candidate) => candidate.trim() === line).length;
  }

  function waitForCount(line: string, wanted: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (count(line) < wanted) return;
        finish();
        resolve();
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`"${line}" appeared ${count(line)} times, not ${wanted}. Output:\n${text}`));
      }, RESTART_BOUND_MS);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  }

  return { waitForCount };
}
