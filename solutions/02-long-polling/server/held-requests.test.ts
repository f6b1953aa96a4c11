import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangesAnswer } from '../protocol/messages';
import { type HeldRequest, HeldRequests } from './held-requests';

const answer: ChangesAnswer = { kind: 'changes', cursor: 'abcdef-1', changes: [] };

interface TestServer {
  url: string;
  heldRequests: HeldRequests;
  /** Every request the server holds, in the order they came, and how often each one ended. */
  held: { request: HeldRequest; ends: number }[];
}

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** A real HTTP server whose only route holds every request. */
async function startServer(timeoutMs: number): Promise<TestServer> {
  const heldRequests = new HeldRequests({ timeoutMs });
  const held: TestServer['held'] = [];
  const app = express();
  app.get('/wait', (_request, response) => {
    const entry = { request: heldRequests.hold(response), ends: 0 };
    entry.request.onEnd(() => {
      entry.ends += 1;
    });
    held.push(entry);
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server?.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/wait`, heldRequests, held };
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('HeldRequests', () => {
  it('holds a request until it is answered, then lets go of it', async () => {
    const { url, heldRequests, held } = await startServer(10_000);
    const pending = fetch(url);
    await until(() => held.length === 1);
    expect(heldRequests.count).toBe(1);
    expect(heldRequests.timerCount).toBe(1);

    held[0]?.request.answer(answer);
    const response = await pending;

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(answer);
    await until(() => heldRequests.count === 0);
    expect(heldRequests.timerCount).toBe(0);
    expect(held[0]?.ends).toBe(1);
  });

  it('answers 204 No Content when nothing came in time', async () => {
    const { url, heldRequests } = await startServer(50);
    const started = Date.now();
    const response = await fetch(url);
    expect(response.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    await until(() => heldRequests.count === 0);
    expect(heldRequests.timerCount).toBe(0);
  });

  it('forgets a request and its timer when the client goes away', async () => {
    const { url, heldRequests, held } = await startServer(10_000);
    const controllers = Array.from({ length: 5 }, () => new AbortController());
    const pending = controllers.map((controller) =>
      fetch(url, { signal: controller.signal }).catch(() => {}),
    );
    await until(() => heldRequests.count === 5);

    for (const controller of controllers) controller.abort();
    await Promise.all(pending);

    await until(() => heldRequests.count === 0);
    expect(heldRequests.timerCount).toBe(0);
    expect(held.map((entry) => entry.ends)).toEqual([1, 1, 1, 1, 1]);
    expect(() => held[0]?.request.answer(answer), 'answering a gone client does nothing').not.toThrow();
  });

  it('answers each request only once', async () => {
    const { url, held } = await startServer(10_000);
    const pending = fetch(url);
    await until(() => held.length === 1);
    held[0]?.request.answer(answer);
    held[0]?.request.answer({ ...answer, cursor: 'abcdef-2' });
    expect(await (await pending).json()).toEqual(answer);
  });

  it('refuses a timeout that is not a positive integer', () => {
    expect(() => new HeldRequests({ timeoutMs: 0 })).toThrow(TypeError);
  });
});
