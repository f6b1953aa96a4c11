// The class server's front door: one port for the whole room. `/` is a start page; `/01` … `/04/sse` go to the
// reference servers (class-routes.ts), which run unchanged on loopback ports behind it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchRoute } from './class-routes';
import { forwardRequest, forwardUpgrade } from './reverse-proxy';

export interface RunningRoute {
  prefix: string;
  /** The reference server's loopback port. */
  port: number;
  /** Its name in error messages, e.g. "exercise 04". */
  name: string;
}

export interface ClassServerOptions {
  routes: readonly RunningRoute[];
  /** The start page for a request (its language follows the browser's). */
  startPage: (request: http.IncomingMessage) => string;
}

export interface ClassServer {
  readonly httpServer: http.Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

export function createClassServer({ routes, startPage }: ClassServerOptions): ClassServer {
  const httpServer = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/' || url.startsWith('/?')) {
      sendStartPage(request, response, startPage);
      return;
    }
    const matched = matchRoute(routes, url);
    if (!matched) {
      sendNotFound(response, url, routes);
      return;
    }
    forwardRequest(request, response, { ...matched.route, path: matched.forwardedPath });
  });
  httpServer.on('upgrade', (request, socket, head) => {
    const matched = matchRoute(routes, request.url ?? '/');
    if (!matched) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    forwardUpgrade(request, socket, head, { ...matched.route, path: matched.forwardedPath });
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

function sendStartPage(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  startPage: ClassServerOptions['startPage'],
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendJson(response, 405, { error: 'The start page only answers GET.' });
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : startPage(request));
}

function sendNotFound(response: http.ServerResponse, url: string, routes: readonly RunningRoute[]): void {
  const paths = routes.map((route) => route.prefix).join(', ');
  const path = url.split('?')[0] ?? url;
  sendJson(response, 404, { error: `Nothing at ${path}. The class server serves / and ${paths}.` });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
