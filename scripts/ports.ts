import { createServer } from 'node:net';

/**
 * Ports for tests come from 20000–29999, below every system's ephemeral range (Linux 32768+, macOS and Windows
 * 49152+): asking the system for port 0 hands out a port that was freed a moment ago, so two probes in a row,
 * or two test workers, could get the same one (measured: 3 of 500 sets of six ports had a duplicate). Each
 * worker counts through a block of its own, and every port is checked before it is handed out.
 */
const TEST_PORTS_FIRST = 20_000;
const TEST_PORTS_BLOCK = 500;
const TEST_PORTS_BLOCKS = 20;
let nextInBlock = 0;

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

/**
 * The block of this test worker (Playwright's TEST_PARALLEL_INDEX, Vitest's VITEST_POOL_ID), offset by the
 * runner's process id so that a `pnpm verify` started by a test uses other blocks than the run around it.
 */
function testWorkerBlock(): number | undefined {
  const worker = process.env.TEST_PARALLEL_INDEX ?? process.env.VITEST_POOL_ID;
  if (worker === undefined || !/^\d+$/.test(worker)) return undefined;
  const run = (process.ppid % 10) * 2;
  return (run + Number(worker)) % TEST_PORTS_BLOCKS;
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
