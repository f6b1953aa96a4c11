import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { ROOT } from './exercise-catalog';

/** The client as `pnpm ws-client` runs it, with stdin to type into and its output kept. */
function startClient(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx/esm', path.join(ROOT, 'scripts', 'ws-client.ts'), ...args],
    {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  await expect.poll(condition, { message: what, timeout: 15_000, interval: 20 }).toBe(true);
}

const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function startServer(): Promise<{ server: WebSocketServer; url: string; received: string[] }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const received: string[] = [];
  server.on('connection', (socket) => {
    socket.on('message', (data) => received.push(data.toString()));
    socket.send(JSON.stringify({ event: 'chat.initial', data: [] }));
  });
  const { port } = server.address() as { port: number };
  return { server, url: `ws://127.0.0.1:${port}`, received };
}

describe('pnpm ws-client', () => {
  it('sends typed lines (plain text as a chat message, JSON as it is) and prints what arrives', async () => {
    const { url, received } = await startServer();
    const client = startClient([url, '--name', 'Ada']);
    await until(() => client.output().includes('chat.initial'), 'the first frame is printed');
    client.child.stdin?.write('Hi from the terminal\n');
    client.child.stdin?.write('{"event":"chat","data":{"username":"raw","message":"as typed"}}\n');
    await until(() => received.length === 2, 'both lines arrive');
    expect(received.map((frame) => JSON.parse(frame))).toEqual([
      { event: 'chat', data: { username: 'Ada', message: 'Hi from the terminal' } },
      { event: 'chat', data: { username: 'raw', message: 'as typed' } },
    ]);
    client.child.stdin?.end();
    expect(await client.exited, client.output()).toBe(0);
    expect(client.output()).toContain('Closed: 1000 input ended');
  }, 30_000);

  it('says that nothing answers, instead of a stack trace', async () => {
    const { server, url } = await startServer();
    await new Promise((resolve) => server.close(resolve));
    const client = startClient([url]);
    expect(await client.exited).not.toBe(0);
    expect(client.output()).toContain(`Nothing answers at ${url}. Is the server running (pnpm dev)?`);
  }, 30_000);
});
