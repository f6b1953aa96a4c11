import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardSnapshot } from '../protocol/messages';
import { type BoardServer, createBoardServer } from './app';
import type { BrokerPosition } from './broker-position';
import { readServerConfig } from './server-config';

let server: BoardServer | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

async function snapshotWith(position: BrokerPosition): Promise<BoardSnapshot> {
  const config = readServerConfig({}, { defaultPort: 0 });
  server = createBoardServer(config, { publish: async () => 'run-7' }, position);
  const { port } = await server.listen(0);
  const response = await fetch(`http://127.0.0.1:${port}/api/board`);
  expect(response.status).toBe(200);
  return (await response.json()) as BoardSnapshot;
}

describe('GET /api/board before the first publish', () => {
  it("names the broker's position, so a page that subscribes from it misses nothing", async () => {
    expect((await snapshotWith(async () => 'run-0')).lastEventId).toBe('run-0');
  });

  it('still answers when the broker cannot say, without a position', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const snapshot = await snapshotWith(async () => {
      throw new Error('broker down');
    });
    expect(snapshot.lastEventId).toBeNull();
  });
});
