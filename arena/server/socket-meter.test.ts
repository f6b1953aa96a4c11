import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SocketMeter } from './socket-meter';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(body: string): Promise<{ url: string; meter: SocketMeter }> {
  const server = createServer((_request, response) => response.end(body));
  servers.push(server);
  const meter = new SocketMeter();
  meter.watch(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, meter };
}

describe('SocketMeter', () => {
  it('counts the bytes both ways with the headers, also after the socket closed', async () => {
    const { url, meter } = await serve('x'.repeat(1000));
    const response = await fetch(url, { headers: { Connection: 'close' } });
    expect((await response.text()).length).toBe(1000);
    await expect.poll(() => meter.openConnections).toBe(0);
    // 1000 body bytes, plus the request and the response headers: more than the body, less than a lot more.
    expect(meter.bytes).toBeGreaterThan(1100);
    expect(meter.bytes).toBeLessThan(1600);
  });

  it('cuts every open connection on a network drop', async () => {
    const server = createServer(() => {});
    servers.push(server);
    const meter = new SocketMeter();
    meter.watch(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hanging = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).catch(
      (error: unknown) => error,
    );
    await expect.poll(() => meter.openConnections).toBe(1);
    meter.dropAll();
    expect(await hanging).toBeInstanceOf(Error);
    await expect.poll(() => meter.openConnections).toBe(0);
  });
});
