import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, isPortFree } from './ports';

const savedIndex = process.env.TEST_PARALLEL_INDEX;

afterEach(() => {
  if (savedIndex === undefined) delete process.env.TEST_PARALLEL_INDEX;
  else process.env.TEST_PARALLEL_INDEX = savedIndex;
});

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, () => resolve(server));
  });
}

describe('findFreePort in a test run', () => {
  it('hands out distinct ports below the ephemeral range, from this process’s block', async () => {
    process.env.TEST_PARALLEL_INDEX = '1';
    const ports: number[] = [];
    for (let index = 0; index < 12; index += 1) ports.push(await findFreePort());
    expect(new Set(ports).size).toBe(12);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(30_000);
    }
  });

  it('skips a port that something already listens on', async () => {
    process.env.TEST_PARALLEL_INDEX = '0';
    const probe = await findFreePort();
    // The next port in the block is taken by someone else: it must be skipped.
    const taken = await listenOn(probe + 1);
    try {
      const next = await findFreePort();
      expect(next).not.toBe(probe + 1);
      expect(await isPortFree(next)).toBe(true);
    } finally {
      taken.close();
    }
  });
});
