import { type ChildProcess, spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
  it('runs a server once under tsx for the tests, and through watched-server.ts for pnpm dev', () => {
    const server = serverProcess(path.join(ROOT, 'exercises', '02-long-polling'), 'server/index.ts');
    expect(toolCommand(server, { watch: false })).toEqual({
      tool: 'node',
      args: ['--import', 'tsx/esm', 'server/index.ts'],
    });
    expect(shellCommand(toolCommand(server, { watch: true }))).toBe(
      'node --import tsx/esm ../../scripts/watched-server.ts server/index.ts',
    );
  });

  it('runs a bundled server with plain node, watched or not', () => {
    const bundled = serverProcess('/class', 'server.mjs');
    expect(toolCommand(bundled, { watch: true })).toEqual({ tool: 'node', args: ['server.mjs'] });
  });
});

describe('a watched server (pnpm dev)', () => {
  let folder = '';
  let child: ChildProcess | undefined;

  afterEach(() => {
    stopProcessGroup(child);
    child = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = '';
  });

  /** A server in a folder of its own: index.ts prints the greeting that greeting.ts exports. */
  function startWatchedServer() {
    folder = mkdtempSync(path.join(tmpdir(), 'launch-command-'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'junction');
    writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }\n');
    // Another server's folder, as 05 has the app in server/ and the broker in broker/.
    mkdirSync(path.join(folder, 'broker'));
    writeFileSync(path.join(folder, 'broker', 'index.ts'), 'export {};\n');
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
    return collectOutput(child);
  }

  // tsx watch missed saves to imported files on Node 24 (tsx issue #767).
  it('restarts when a file the server imports is saved, on every supported Node', async () => {
    const output = startWatchedServer();
    await output.waitForCount('started', 1);
    appendFileSync(path.join(folder, 'greeting.ts'), '// a student saves\n');
    await output.waitForCount('started', 2);
  }, 45_000);

  // vim, JetBrains' safe write and git checkout save by renaming a new file over the old one. Node's --watch
  // restarted once for that, and never again for that file (on Linux).
  it('restarts on every save, also when an editor saves by renaming a new file over the old one', async () => {
    const output = startWatchedServer();
    const greeting = path.join(folder, 'greeting.ts');
    await output.waitForCount('started', 1);
    saveByRenaming(greeting, '// saved by renaming\n');
    await output.waitForCount('started', 2);
    appendFileSync(greeting, '// saved in place\n');
    await output.waitForCount('started', 3);
    saveByRenaming(greeting, '// renamed again\n');
    await output.waitForCount('started', 4);
    appendFileSync(greeting, '// in place again\n');
    await output.waitForCount('started', 5);
  }, 60_000);

  it("does not restart for a save in client/, another server's folder, a data file or a swap file", async () => {
    const output = startWatchedServer();
    await output.waitForCount('started', 1);
    mkdirSync(path.join(folder, 'client'));
    // Saved in the same moment as greeting.ts: had they counted, the restart would name them too.
    writeFileSync(path.join(folder, 'client', 'index.ts'), 'export {};\n');
    writeFileSync(path.join(folder, '.greeting.ts.swp'), 'swap');
    writeFileSync(path.join(folder, 'broker', 'index.ts'), 'export const broker = 1;\n');
    // A server that stores its data in its folder: restarting for that would never end.
    writeFileSync(path.join(folder, 'store.json'), '[]');
    appendFileSync(path.join(folder, 'greeting.ts'), '// a student saves\n');
    await output.waitForCount('started', 2);
    expect(output.linesWith('Restarting')).toEqual(['Restarting index.ts: saved greeting.ts']);
  }, 45_000);
});

/** What vim and JetBrains' safe write do: write a new file beside the old one, then rename it over it. */
function saveByRenaming(file: string, addedLine: string): void {
  const temporary = `${file}.tmp-save`;
  writeFileSync(temporary, readFileSync(file, 'utf8') + addedLine);
  renameSync(temporary, file);
}

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

  function linesWith(part: string): string[] {
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.includes(part));
  }

  return { waitForCount, linesWith };
}
