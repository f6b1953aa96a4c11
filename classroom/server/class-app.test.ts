// The class server's own routes: the start page, progress reports from `pnpm verify`, and the instructor's
// live stream of them (key required).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClassApp } from './class-app';
import { CLASS_ROUTES } from './class-routes';
import type { StudentProgress } from './progress-messages';
import { ProgressStore } from './progress-store';
import { TrafficCounter } from './traffic-counter';

const KEY = 'test-instructor-key';
const BOARD_DIR = mkdtempSync(path.join(tmpdir(), 'class-board-'));
writeFileSync(path.join(BOARD_DIR, 'index.html'), '<!doctype html><title>Idea board</title>');
let server: Server;
let baseUrl: string;
let store: ProgressStore;

beforeEach(async () => {
  store = new ProgressStore();
  const app = createClassApp({
    routes: CLASS_ROUTES,
    store,
    instructorKey: KEY,
    boardScript: '// board',
    boardDir: BOARD_DIR,
    traffic: new TrafficCounter(['/01']),
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterAll(() => rmSync(BOARD_DIR, { recursive: true, force: true }));

const report = {
  name: 'Ada',
  exercise: '01',
  checks: [
    { title: 'Part 1 · client › shows that it is connected', outcome: 'passed' },
    { title: 'Part 2 · server › answers GET /api/notifications', outcome: 'failed' },
  ],
};

function post(body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/progress`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the class server’s own routes', () => {
  it('shows the start page with the address the device used', async () => {
    const page = await fetch(`${baseUrl}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(`pnpm dev 04 --class ${baseUrl}`);
  });

  it('names the https address a TLS proxy on this host was asked for, in the join command and the QR link', async () => {
    const page = await fetch(`${baseUrl}/`, {
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'class.example.org' },
    });
    const html = await page.text();
    expect(html).toContain('pnpm dev 04 --class https://class.example.org');
    expect(html).toContain('href="https://class.example.org/05/"');
  });

  it('serves the built idea board for phones at /05/, and sends /05 there', async () => {
    const board = await fetch(`${baseUrl}/05/`);
    expect(await board.text()).toContain('<title>Idea board</title>');
    const bare = await fetch(`${baseUrl}/05`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/05/');
  });

  it('answers an unknown path with 404 and the paths it serves', async () => {
    const answer = await fetch(`${baseUrl}/07/x`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({
      error:
        'Nothing at /07/x. The class server serves /, /instructor, /progress, /01, /02, /03, /04, /04/sse, /05, /05/broker.',
    });
  });

  it('stores a report, and keeps only the last one per student and exercise', async () => {
    expect((await post(report)).status).toBe(204);
    expect((await post({ ...report, name: ' ada ', checks: [] })).status).toBe(204);
    expect(store.snapshot()).toEqual([expect.objectContaining({ name: 'ada', exercise: '01', checks: [] })]);
  });

  it('refuses a bad report with 400 and a message, and stores nothing', async () => {
    const cases: [unknown, string][] = [
      ['{"name":', 'The body is not valid JSON.'],
      [[], 'Send a JSON object'],
      [{ ...report, name: '' }, '"name" must be text of 1 to 40 characters.'],
      [{ ...report, name: 'x'.repeat(41) }, '"name" must be text of 1 to 40 characters.'],
      [{ ...report, exercise: '1' }, '"exercise" must be the exercise number as two digits'],
      [{ ...report, checks: [{ title: 'x', outcome: 'great' }] }, 'Each check needs a "title"'],
      [{ ...report, checks: 'all' }, '"checks" must be a list'],
    ];
    for (const [body, message] of cases) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(((await answer.json()) as { error: string }).error).toContain(message);
    }
    const tooLarge = await post({ ...report, padding: 'x'.repeat(100_000) });
    expect(tooLarge.status).toBe(413);
    expect(store.snapshot()).toEqual([]);
  });

  it('streams the board only with the instructor key: a snapshot first, then each report', async () => {
    expect((await fetch(`${baseUrl}/instructor/events`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/instructor/events?key=wrong`)).status).toBe(401);
    await post(report);
    const controller = new AbortController();
    const stream = await fetch(`${baseUrl}/instructor/events?key=${KEY}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readEvents(stream);
    const snapshot = await events.next('snapshot');
    expect(await events.next('room')).toEqual([
      { prefix: '/01', webSockets: 0, eventStreams: 0, openRequests: 0, requestsLastMinute: 0 },
    ]);
    expect((snapshot as StudentProgress[]).map((row) => row.name)).toEqual(['Ada']);
    await post({ ...report, name: 'Bob' });
    const progress = (await events.next('progress')) as StudentProgress;
    expect(progress).toMatchObject({ name: 'Bob', exercise: '01', checks: report.checks });
    controller.abort();
    await expect.poll(() => store.listenerCount).toBe(0);
  });

  it('serves the board page and its script to anyone: they hold no data without the key', async () => {
    const page = await fetch(`${baseUrl}/instructor`, { headers: { 'Accept-Language': 'de' } });
    expect(await page.text()).toContain('<h1>Konsole für Lehrende</h1>');
    const script = await fetch(`${baseUrl}/instructor/console.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });
});

/** Reads `event:`/`data:` pairs off an SSE response, one event name at a time. */
function readEvents(response: Response) {
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(name: string): Promise<unknown> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (event === name && data) return JSON.parse(data);
          continue;
        }
        const chunk = await reader?.read();
        if (!chunk || chunk.done) throw new Error(`The stream ended before an "${name}" event.`);
        buffer += chunk.value;
      }
    },
  };
}

describe('ProgressStore', () => {
  it('keeps a bounded number of rows: a new name beyond it is refused, a known one still updates', () => {
    const small = new ProgressStore({ maxRows: 2 });
    expect(small.report({ name: 'Ada', exercise: '01', checks: [] })).toBeDefined();
    expect(small.report({ name: 'Bob', exercise: '01', checks: [] })).toBeDefined();
    expect(small.report({ name: 'Eve', exercise: '01', checks: [] })).toBeUndefined();
    expect(small.report({ name: 'ADA', exercise: '01', checks: [] })).toBeDefined();
    expect(small.snapshot().map((row) => row.name)).toEqual(['ADA', 'Bob']);
  });
});
