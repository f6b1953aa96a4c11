import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { claimPortBlock } from './port-block-claim';

/**
 * Ports for tests come from 20000–29999, below every system's ephemeral range (Linux 32768+, macOS and Windows
 * 49152+): asking the system for port 0 hands out a port that was freed a moment ago, so two probes in a row,
 * or two test workers, could get the same one (measured: 3 of 500 sets of six ports had a duplicate). Each
 * test process claims a block of its own (port-block-claim.ts) and checks every port before handing it out.
 */
const TEST_PORTS_FIRST = 20_000;
const TEST_PORTS_BLOCK = 250;
const TEST_PORTS_BLOCKS = 40;
const BLOCK_CLAIMS_DIR = path.join(tmpdir(), 'realtime-workshop-port-blocks');
let nextInBlock = 0;
/** undefined: not claimed yet; null: every block was taken, so the system hands out ports. */
let claimedBlock: number | null | undefined;

/** Asks for a port nobody uses right now: from the worker's own block in a test run, else from the system. */
export async function findFreePort(): Promise<number> {
  const block = testWorkerBlock();
  if (block === undefined) return systemFreePort();
  for (let attempt = 0; attempt < TEST_PORTS_BLOCK; attempt += 1) {
    const port = TEST_PORTS_FIRST + block * TEST_PORTS_BLOCK + (nextInBlock % TEST_PORTS_BLOCK);
    nextInBlock += 1;
    if (await isPortFree(port)) return port;
  }
  return systemFreePort();
}

/** This process's block in a test run (Playwright's or Vitest's worker); undefined outside of tests. */
function testWorkerBlock(): number | undefined {
  const worker = process.env.TEST_PARALLEL_INDEX ?? process.env.VITEST_POOL_ID;
  if (worker === undefined) return undefined;
  if (claimedBlock === undefined) claimedBlock = claimPortBlock(BLOCK_CLAIMS_DIR, TEST_PORTS_BLOCKS) ?? null;
  return claimedBlock ?? undefined;
}

function systemFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on `port`, on IPv4 or IPv6 (Vite and Node may take either). */
export async function isPortFree(port: number): Promise<boolean> {
  return (await canListen(port, '127.0.0.1')) && (await canListen(port, '::'));
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      // A machine without IPv6 cannot bind '::' at all; that says nothing about the port.
      resolve(error.code === 'EAFNOSUPPORT' || error.code === 'EADDRNOTAVAIL');
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
