// `pnpm dev` runs each server through this: it starts the server, and again when code of its exercise is saved
// (not in client/, which Vite reloads, nor in another server's folder). Node's own --watch watches each file the
// server imported, and on Linux loses one an editor saved by renaming a new file over it: no restart after that.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { watchFolder } from './folder-watch';

/** A server gets this long to close its connections after SIGTERM; then it is killed. */
const STOP_BOUND_MS = 5_000;

const entry = process.argv[2];
if (!entry) {
  console.error(
    'Usage: node --import tsx/esm scripts/watched-server.ts server/index.ts (in the exercise folder)',
  );
  process.exit(2);
}

let stopping = false;
let server: ChildProcess | undefined = startServer(entry);
const watcher = watchFolder(process.cwd(), restart, { skip: ['client', ...otherServerFolders(entry)] });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => void shutDown());
}

async function restart(changed: string[]): Promise<void> {
  const saved = changed.filter(isServerCode);
  if (saved.length === 0 || !entry) return;
  // An editor's temporary files are gone again by now; a file that is gone for good was removed.
  const present = saved.filter((file) => existsSync(file));
  const what = present.length > 0 ? `saved ${present.join(', ')}` : `removed ${saved.join(', ')}`;
  console.log(`Restarting ${entry}: ${what}`);
  await stopServer();
  if (stopping) return;
  server = startServer(entry);
}

/** Folders with a server of their own (05: the app in server/, the broker in broker/): their saves restart that one. */
function otherServerFolders(file: string): string[] {
  const ownFolder = file.split(/[\\/]/)[0];
  return readdirSync('.', { withFileTypes: true })
    .filter((found) => found.isDirectory() && found.name !== ownFolder)
    .filter((folder) => existsSync(path.join(folder.name, 'index.ts')))
    .map((folder) => folder.name);
}

/**
 * Code only: a server may write data files (a JSON store, a log) into its folder, and a restart for each
 * would never end. A unit test beside the code is never part of the server either.
 */
function isServerCode(file: string): boolean {
  return /\.[cm]?[jt]s$/.test(file) && !/\.test\.[cm]?[jt]s$/.test(file);
}

function startServer(file: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', file], { stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    // Stopped by us for a restart or Ctrl+C: nothing to say.
    if (child !== server || stopping) return;
    server = undefined;
    const how = code === 0 ? 'ended' : `stopped (${signal ?? `exit code ${code}`})`;
    console.log(`${file} ${how}. It starts again when you save a file.`);
  });
  return child;
}

function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_BOUND_MS);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function shutDown(): Promise<void> {
  stopping = true;
  watcher.close();
  await stopServer();
  process.exit(0);
}
