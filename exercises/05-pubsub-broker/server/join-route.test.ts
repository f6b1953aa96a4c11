import { afterEach, describe, expect, it } from 'vitest';
import { type BoardServer, createBoardServer } from './app';
import { JOINS_PER_MINUTE } from './join-limit';
import { readServerConfig } from './server-config';

let server: BoardServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startBoard(): Promise<string> {
  const config = readServerConfig({}, { defaultPort: 0 });
  server = createBoardServer(config, { publish: async () => 'test-1' });
  const { port } = await server.listen(0);
  return `http://127.0.0.1:${port}`;
}

function join(baseUrl: string, name: string): Promise<Response> {
  return fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
}

describe('POST /api/session', () => {
  // 300 requests: on a busy machine they may take longer than vitest's default 5 s, hence 30 s.
  it(`lets one address join ${JOINS_PER_MINUTE} times a minute, then answers 429; nobody is pushed out`, async () => {
    const baseUrl = await startBoard();
    const first = (await (await join(baseUrl, 'Ada')).json()) as { sessionKey: string };
    for (let index = 1; index < JOINS_PER_MINUTE; index += 1) {
      expect((await join(baseUrl, `Bot ${index}`)).status).toBe(201);
    }
    const refused = await join(baseUrl, 'One too many');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Too many joins/);

    const token = await fetch(`${baseUrl}/api/token`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.sessionKey}` },
    });
    expect(token.status, 'the first session still works').toBe(200);
  }, 30_000);
});
