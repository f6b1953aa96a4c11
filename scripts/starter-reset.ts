// `pnpm reset NN`: puts an exercise's starter back as the repository has it, and keeps your version of every
// file it changes in a backup folder, so a reset never loses work.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ResetResult {
  /** Files put back as committed (changed or deleted by you), relative to the repository. */
  restored: string[];
  /** Files you added, moved into the backup. */
  removed: string[];
  /** Where your versions are kept; undefined when nothing had changed. */
  backupDir: string | undefined;
}

/**
 * Resets `folder` (inside the git work tree `repoRoot`) to its committed state. Files are rewritten in place, not
 * replaced, so a running `pnpm dev` sees the save and restarts (after `git checkout` its watcher lost them).
 */
export function resetFolder(repoRoot: string, folder: string, backupRoot: string): ResetResult {
  const relativeFolder = path.relative(repoRoot, folder).split(path.sep).join('/');
  requireGitWorkTree(repoRoot);
  const changed = gitFiles(repoRoot, ['diff', '--name-only', '-z', 'HEAD', '--', relativeFolder]);
  const added = gitFiles(repoRoot, [
    'ls-files',
    '-z',
    '--others',
    '--exclude-standard',
    '--',
    relativeFolder,
  ]);
  if (changed.length === 0 && added.length === 0) return { restored: [], removed: [], backupDir: undefined };

  const backupDir = freshFolder(path.join(backupRoot, `${path.basename(folder)}-${timestamp()}`));
  for (const file of [...changed, ...added]) backUp(repoRoot, file, backupDir);
  for (const file of changed) restore(repoRoot, file);
  for (const file of added) rmSync(path.join(repoRoot, file), { force: true });
  return { restored: changed, removed: added, backupDir };
}

function requireGitWorkTree(repoRoot: string): void {
  try {
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: repoRoot, stdio: 'ignore' });
  } catch {
    throw new Error(
      'pnpm reset needs the kit as a git clone (with git installed): it takes the starter from the repository. ' +
        'Without git, download the kit again and copy the exercise folder over yours.',
    );
  }
}

function backUp(repoRoot: string, file: string, backupDir: string): void {
  const source = path.join(repoRoot, file);
  // A file you deleted has nothing to keep.
  if (!existsSync(source)) return;
  const target = path.join(backupDir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
}

function restore(repoRoot: string, file: string): void {
  const committed = execFileSync('git', ['show', `HEAD:${file}`], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const target = path.join(repoRoot, file);
  mkdirSync(path.dirname(target), { recursive: true });
  // Same file, new content: a watcher that follows the file, not its folder, sees a save too.
  writeFileSync(target, committed);
}

/** The files git lists (with -z: every name exactly, spaces and umlauts included), relative to the repository. */
function gitFiles(repoRoot: string, args: string[]): string[] {
  const output = execFileSync('git', args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return output.split('\0').filter((name) => name !== '');
}

/** `wanted`, or `wanted-2`, `wanted-3` … when two resets fall into the same second. */
function freshFolder(wanted: string): string {
  let candidate = wanted;
  for (let count = 2; existsSync(candidate); count += 1) candidate = `${wanted}-${count}`;
  return candidate;
}

/** `2026-12-07T01-52-09`: sorts by time and is a valid folder name everywhere. */
function timestamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/:/g, '-');
}
