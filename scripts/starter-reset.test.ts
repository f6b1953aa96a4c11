import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFolder } from './starter-reset';

let repo = '';
let backups = '';

function git(...args: string[]): void {
  execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
}

function write(file: string, content: string): void {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), content);
}

function read(file: string): string {
  return readFileSync(path.join(repo, file), 'utf8');
}

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'reset-repo-'));
  backups = path.join(repo, '.workshop-backups');
  git('init', '-q');
  write('.gitignore', 'node_modules/\n.workshop-backups/\n');
  write('exercises/01-x/server/index.ts', 'starter server\n');
  write('exercises/01-x/client/index.ts', 'starter client\n');
  write('exercises/01-x/client/mein größter Versuch.ts', 'umlauts and spaces\n');
  write('exercises/02-y/server/index.ts', 'other exercise\n');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'starters');
});

afterEach(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe('resetFolder', () => {
  it('puts changed and deleted files back, removes added ones, and keeps all of your versions', () => {
    write('exercises/01-x/server/index.ts', 'my server\n');
    unlinkSync(path.join(repo, 'exercises/01-x/client/index.ts'));
    write('exercises/01-x/client/mein größter Versuch.ts', 'my try\n');
    write('exercises/01-x/server/notes.ts', 'my notes\n');
    write('exercises/01-x/node_modules/dep/index.js', 'installed, not yours');
    write('exercises/02-y/server/index.ts', 'work on another exercise\n');

    const result = resetFolder(repo, path.join(repo, 'exercises/01-x'), backups);

    expect(result.restored.sort()).toEqual([
      'exercises/01-x/client/index.ts',
      'exercises/01-x/client/mein größter Versuch.ts',
      'exercises/01-x/server/index.ts',
    ]);
    expect(result.removed).toEqual(['exercises/01-x/server/notes.ts']);
    expect(read('exercises/01-x/server/index.ts')).toBe('starter server\n');
    expect(read('exercises/01-x/client/index.ts')).toBe('starter client\n');
    expect(read('exercises/01-x/client/mein größter Versuch.ts')).toBe('umlauts and spaces\n');
    expect(existsSync(path.join(repo, 'exercises/01-x/server/notes.ts'))).toBe(false);
    expect(read('exercises/01-x/node_modules/dep/index.js'), 'ignored files stay').toBe(
      'installed, not yours',
    );
    expect(read('exercises/02-y/server/index.ts'), 'other exercises stay').toBe('work on another exercise\n');

    const backupDir = result.backupDir ?? '';
    expect(path.dirname(backupDir)).toBe(backups);
    const kept = (file: string) => readFileSync(path.join(backupDir, file), 'utf8');
    expect(kept('exercises/01-x/server/index.ts')).toBe('my server\n');
    expect(kept('exercises/01-x/client/mein größter Versuch.ts')).toBe('my try\n');
    expect(kept('exercises/01-x/server/notes.ts')).toBe('my notes\n');
  });

  it('rewrites a changed file in place, so a watcher that follows it sees a save', () => {
    const file = path.join(repo, 'exercises/01-x/server/index.ts');
    write('exercises/01-x/server/index.ts', 'my server\n');
    const before = statSync(file).ino;
    resetFolder(repo, path.join(repo, 'exercises/01-x'), backups);
    expect(statSync(file).ino).toBe(before);
  });

  it('changes nothing and keeps no backup when the starter is untouched', () => {
    const result = resetFolder(repo, path.join(repo, 'exercises/01-x'), backups);
    expect(result).toEqual({ restored: [], removed: [], backupDir: undefined });
    expect(existsSync(backups)).toBe(false);
  });

  it('says what to do instead when the kit is not a git clone', () => {
    rmSync(path.join(repo, '.git'), { recursive: true, force: true });
    expect(() => resetFolder(repo, path.join(repo, 'exercises/01-x'), backups)).toThrow(
      'pnpm reset needs the kit as a git clone',
    );
  });
});
