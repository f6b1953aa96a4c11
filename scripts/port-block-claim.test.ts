import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { claimPortBlock } from './port-block-claim';

const folders: string[] = [];

function claimsFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'port-claims-test-'));
  folders.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A process that lives until its exit is awaited: it holds whatever claim is written in its name. */
function otherLiveProcess(): { pid: number; stop(): Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid ?? 0,
    stop: () => {
      child.kill();
      return exited;
    },
  };
}

describe('claimPortBlock', () => {
  it('claims the first block and leaves a file that names this process', () => {
    const folder = claimsFolder();
    expect(claimPortBlock(folder, 4)).toBe(0);
    expect(readdirSync(folder)).toEqual([`block-0.${process.pid}.${threadId}`]);
  });

  it('skips a block that a live process holds', async () => {
    const folder = claimsFolder();
    const other = otherLiveProcess();
    try {
      writeFileSync(path.join(folder, `block-0.${other.pid}.0`), '');
      expect(claimPortBlock(folder, 4)).toBe(1);
    } finally {
      await other.stop();
    }
  });

  it('takes over the block of a process that died, and removes its claim', async () => {
    const folder = claimsFolder();
    const other = otherLiveProcess();
    await other.stop();
    writeFileSync(path.join(folder, `block-0.${other.pid}.0`), '');
    expect(claimPortBlock(folder, 4)).toBe(0);
    expect(readdirSync(folder)).toEqual([`block-0.${process.pid}.${threadId}`]);
  });

  it('answers undefined when live processes hold every block', async () => {
    const folder = claimsFolder();
    const other = otherLiveProcess();
    try {
      for (const block of [0, 1]) writeFileSync(path.join(folder, `block-${block}.${other.pid}.0`), '');
      expect(claimPortBlock(folder, 2)).toBeUndefined();
    } finally {
      await other.stop();
    }
  });

  it('gives processes that claim side by side different blocks', { timeout: 30_000 }, async () => {
    const folder = claimsFolder();
    // Each holds its claim until its stdin closes: all three hold theirs at once, however slowly they start.
    const script = `import { claimPortBlock } from ${JSON.stringify(path.resolve('scripts/port-block-claim.ts'))};
      console.log(claimPortBlock(${JSON.stringify(folder)}, 8)); process.stdin.resume();`;
    const children = [1, 2, 3].map(() =>
      spawn(process.execPath, ['--import', 'tsx/esm', '--input-type=module', '-e', script], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const claimed = (child: (typeof children)[number]) =>
      new Promise<string>((resolve) =>
        child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
      );
    const blocks = await Promise.all(children.map(claimed));
    const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children) child.stdin.end();
    await Promise.all(exited);
    expect(
      blocks.every((block) => /^\d+$/.test(block)),
      blocks.join(', '),
    ).toBe(true);
    expect(new Set(blocks).size).toBe(3);
  });
});
