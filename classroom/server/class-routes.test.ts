import { describe, expect, it } from 'vitest';
import { CLASS_ROUTES, isBoardPageRequest, matchRoute } from './class-routes';

describe('matchRoute', () => {
  it('strips the prefix and keeps the rest of the path and the query', () => {
    expect(matchRoute(CLASS_ROUTES, '/01/api/notifications')).toMatchObject({
      route: { prefix: '/01' },
      forwardedPath: '/api/notifications',
    });
    expect(matchRoute(CLASS_ROUTES, '/02/api/notifications/updates?since=a-3')?.forwardedPath).toBe(
      '/api/notifications/updates?since=a-3',
    );
  });

  it('takes the prefix alone, with a slash or with a query as the reference server’s root', () => {
    expect(matchRoute(CLASS_ROUTES, '/04')?.forwardedPath).toBe('/');
    expect(matchRoute(CLASS_ROUTES, '/04/')?.forwardedPath).toBe('/');
    expect(matchRoute(CLASS_ROUTES, '/04?name=Ada')?.forwardedPath).toBe('/?name=Ada');
  });

  it('prefers the longer prefix: /04/sse is the SSE chat, /04/messages the WebSocket chat', () => {
    expect(matchRoute(CLASS_ROUTES, '/04/sse/events')).toMatchObject({
      route: { entry: 'server/index.sse.ts' },
      forwardedPath: '/events',
    });
    expect(matchRoute(CLASS_ROUTES, '/04/messages')).toMatchObject({
      route: { entry: 'server/index.ts' },
      forwardedPath: '/messages',
    });
  });

  it('matches whole path segments only', () => {
    expect(matchRoute(CLASS_ROUTES, '/040')).toBeUndefined();
    expect(matchRoute(CLASS_ROUTES, '/050/api/board')).toBeUndefined();
    expect(matchRoute(CLASS_ROUTES, '/')).toBeUndefined();
  });

  it("sends 05's API to its app backend and its broker paths to the broker", () => {
    expect(matchRoute(CLASS_ROUTES, '/05/api/session')).toMatchObject({
      route: { entry: 'server/index.ts' },
      forwardedPath: '/api/session',
    });
    expect(matchRoute(CLASS_ROUTES, '/05/broker/connect?token=t')).toMatchObject({
      route: { entry: 'broker/index.ts' },
      forwardedPath: '/connect?token=t',
    });
  });

  it("keeps the board page's own files for the class server, and only those", () => {
    expect(isBoardPageRequest('GET', '/05')).toBe(true);
    expect(isBoardPageRequest('GET', '/05/?lang=de')).toBe(true);
    expect(isBoardPageRequest('HEAD', '/05/index.html')).toBe(true);
    expect(isBoardPageRequest('GET', '/05/assets/index-abc.js')).toBe(true);
    expect(isBoardPageRequest('POST', '/05/')).toBe(false);
    expect(isBoardPageRequest('GET', '/05/api/board')).toBe(false);
    expect(isBoardPageRequest('GET', '/05/broker/connect')).toBe(false);
    expect(isBoardPageRequest('GET', '/04/')).toBe(false);
  });

  it('has one route per prefix', () => {
    const prefixes = CLASS_ROUTES.map((route) => route.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});
