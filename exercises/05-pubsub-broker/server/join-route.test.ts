import { afterEach, describe, expect, it } from 'vitest';
import { type BoardServer, createBoardServer } from './app';
import { JOINS_PER_MINUTE } from './join-limit';
import { readServerConfig } from './server-config';

let server: BoardServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startBoard(env: NodeJS.ProcessEnv = {}): Promise<string> {
  const config = readServerConfig(env, { defaultPort: 0 });
  server = createBoardServer(config, { publish: async () => 'test-1' });
  const { port } = await server.listen(0);
  return `http://127.0.0.1:${port}`;
}

function join(baseUrl: string, name: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
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

describe('behind the class server', () => {
  it('names the broker under the address the page used when BROKER_PUBLIC_URLS is a path', async () => {
    const baseUrl = await startBoard({ BROKER_PUBLIC_URLS: '/05/broker' });
    const forwarded = { 'X-Forwarded-Host': 'class.example.org', 'X-Forwarded-Proto': 'https' };
    const answer = (await (await join(baseUrl, 'Ada', forwarded)).json()) as { brokerUrl: string };
    expect(answer.brokerUrl).toBe('https://class.example.org/05/broker');

    const direct = (await (await join(baseUrl, 'Grace')).json()) as { brokerUrl: string };
    expect(direct.brokerUrl).toBe(`${baseUrl}/05/broker`);
  });

  it('refuses a public broker address that is neither an address nor a path', () => {
    expect(() => readServerConfig({ BROKER_PUBLIC_URLS: 'class.example.org' }, { defaultPort: 0 })).toThrow(
      /BROKER_PUBLIC_URLS must list addresses like .* or paths like \/05\/broker, got "class.example.org"/,
    );
  });
});
