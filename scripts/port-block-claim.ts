// A block of test ports belongs to one process at a time, across every test run on the machine: `pnpm test`
// runs Vitest and several Playwright runs side by side, and two of them counting through the same block
// would both find a port free and then both listen on it.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** Vitest runs test files in threads of one process: each thread claims a block of its own. */
const OWN_CLAIM = `${process.pid}.${threadId}`;

/**
 * Claims the first block in `0 … blockCount-1` that no live process holds, by a file `block-N.PID.THREAD` in
 * `claimsDir`; the claim is released when this process exits. Returns undefined when every block is held.
 */
export function claimPortBlock(claimsDir: string, blockCount: number): number | undefined {
  mkdirSync(claimsDir, { recursive: true });
  for (let block = 0; block < blockCount; block += 1) {
    if (tryClaim(claimsDir, block)) return block;
  }
  return undefined;
}

function tryClaim(claimsDir: string, block: number): boolean {
  if (liveClaimants(claimsDir, block).length > 0) return false;
  const ownFile = path.join(claimsDir, `block-${block}.${OWN_CLAIM}`);
  writeFileSync(ownFile, '');
  // Two processes may write their claims at the same moment: whoever sees the other's backs off (both may).
  const others = liveClaimants(claimsDir, block).filter((claim) => claim !== OWN_CLAIM);
  if (others.length > 0) {
    rmSync(ownFile, { force: true });
    return false;
  }
  process.once('exit', () => rmSync(ownFile, { force: true }));
  return true;
}

/** The claims (`PID.THREAD`) that hold `block`; those of processes that died are removed on the way. */
function liveClaimants(claimsDir: string, block: number): string[] {
  const prefix = `block-${block}.`;
  const live: string[] = [];
  for (const name of readdirSync(claimsDir)) {
    if (!name.startsWith(prefix)) continue;
    const claim = name.slice(prefix.length);
    if (isAlive(Number(claim.split('.')[0]))) {
      live.push(claim);
      continue;
    }
    rmSync(path.join(claimsDir, name), { force: true });
  }
  return live;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
