// The class server's front door: one port for the whole room. `/01` … `/05/broker` go to the reference servers
// (class-routes.ts), which run unchanged on loopback ports behind it; everything else is the class server's own
// (its start page, the progress board, the phones' idea board page: class-app.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isBoardPageRequest, matchRoute } from './class-routes';
import { forwardRequest, forwardUpgrade } from './reverse-proxy';
import type { TrafficCounter } from './traffic-counter';

export interface RunningRoute {
  prefix: string;
  /** The reference server's loopback port. */
  port: number;
  /** Its name in error messages, e.g. "exercise 04". */
  name: string;
  /** Counted for the instructor's console (default true); the arena counts its own traffic. */
  counted?: boolean;
  /** Answers a request itself instead of forwarding it (the arena's changes without the key): true when it did. */
  intercept?(request: http.IncomingMessage, response: http.ServerResponse): boolean;
}

export interface ClassServerOptions {
  routes: readonly RunningRoute[];
  /** Answers every request that no reference server takes. */
  own: http.RequestListener;
  /** Counts what goes through to each reference server, for the instructor's console. */
  traffic?: TrafficCounter;
}

export interface ClassServer {
  readonly httpServer: http.Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

export function createClassServer({ routes, own, traffic }: ClassServerOptions): ClassServer {
  const httpServer = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const matched = isBoardPageRequest(request.method, url) ? undefined : matchRoute(routes, url);
    if (!matched) {
      own(request, response);
      return;
    }
    const { route, forwardedPath } = matched;
    if (route.intercept?.(request, response)) return;
    const counter = route.counted === false ? undefined : traffic;
    forwardRequest(
      request,
      response,
      { ...route, path: forwardedPath },
      counter?.requestStarted(route.prefix),
    );
  });
  httpServer.on('upgrade', (request, socket, head) => {
    const matched = matchRoute(routes, request.url ?? '/');
    if (!matched) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = { ...matched.route, path: matched.forwardedPath };
    const prefix = matched.route.prefix;
    const counter = matched.route.counted === false ? undefined : traffic;
    forwardUpgrade(request, socket, head, upstream, () => counter?.webSocketOpened(prefix) ?? (() => {}));
  });
  // A device that sends garbage gets 400 and is closed; the server goes on.
  httpServer.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return {
    httpServer,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
