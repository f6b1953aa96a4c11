import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppApi, AppApiError } from './app-api';

const ORIGIN = 'http://localhost:4000';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Replaces fetch with one that answers `status` and `body`, and returns the mock to inspect the requests. */
function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function request(fetchMock: ReturnType<typeof answer>): { url: string; init: RequestInit } {
  const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
  return { url, init };
}

describe('AppApi', () => {
  it('joins with POST /api/session and a JSON body', async () => {
    const fetchMock = answer(201, { sessionKey: 'k1' });

    await expect(new AppApi(ORIGIN).join('Ada')).resolves.toEqual({ sessionKey: 'k1' });

    const { url, init } = request(fetchMock);
    expect(url).toBe(`${ORIGIN}/api/session`);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(init.body).toBe('{"name":"Ada"}');
  });

  it('sends the session key as a Bearer token when posting an idea', async () => {
    const fetchMock = answer(201, { id: 'i1' });

    await new AppApi(ORIGIN).postIdea('k1', 'Live quiz');

    const { url, init } = request(fetchMock);
    expect(url).toBe(`${ORIGIN}/api/ideas`);
    expect(init.headers).toEqual({ Authorization: 'Bearer k1', 'Content-Type': 'application/json' });
    expect(init.body).toBe('{"text":"Live quiz"}');
  });

  it('asks for a fresh token with POST /api/token and no body', async () => {
    const fetchMock = answer(200, { subscribeToken: 't', brokerUrl: 'http://localhost:4100' });

    await new AppApi(ORIGIN).token('k1');

    const { url, init } = request(fetchMock);
    expect([url, init.method, init.body]).toEqual([`${ORIGIN}/api/token`, 'POST', undefined]);
    expect(init.headers).toEqual({ Authorization: 'Bearer k1' });
  });

  it('loads the board with GET /api/board', async () => {
    const fetchMock = answer(200, { ideas: [] });

    await new AppApi(ORIGIN).board();

    const { url, init } = request(fetchMock);
    expect([url, init.method]).toEqual([`${ORIGIN}/api/board`, 'GET']);
  });

  it.each([
    ['startRound', () => new AppApi(ORIGIN).startRound('secret', 'pair'), '/api/round', '{"phase":"pair"}'],
    ['sendAlert', () => new AppApi(ORIGIN).sendAlert('secret', 'Hi all'), '/api/alerts', '{"text":"Hi all"}'],
  ])('%s sends the instructor key', async (_, call, path, body) => {
    const fetchMock = answer(201, {});

    await call();

    const { url, init } = request(fetchMock);
    expect([url, init.body]).toEqual([`${ORIGIN}${path}`, body]);
    expect(init.headers).toMatchObject({ Authorization: 'Bearer secret' });
  });

  it("turns an error answer into an AppApiError with the server's message and status", async () => {
    answer(401, { error: 'Unknown session: join again.' });

    const error = await new AppApi(ORIGIN).token('old').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppApiError);
    expect((error as AppApiError).message).toBe('Unknown session: join again.');
    expect((error as AppApiError).status).toBe(401);
  });

  it('names the status when the error answer is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad Gateway', { status: 502 })),
    );

    await expect(new AppApi(ORIGIN).board()).rejects.toThrow('The app backend answered 502.');
  });

  it('says which server to start when it cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );

    await expect(new AppApi(ORIGIN).board()).rejects.toThrow(
      'Could not reach the app backend at http://localhost:4000. Is it running?',
    );
  });
});
