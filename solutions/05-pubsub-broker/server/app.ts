import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBoardRouter } from './board-routes';
import { BoardStore } from './board-store';
import { type BrokerPosition, createBrokerPosition } from './broker-position';
import { type BrokerPublisher, createBrokerPublisher } from './broker-publisher';
import { allowOrigins } from './cors';
import { jsonErrors, notFound } from './json-errors';
import type { ServerConfig } from './server-config';
import { SessionStore } from './session-store';

export interface BoardServer {
  readonly board: BoardStore;
  listen(port: number): Promise<AddressInfo>;
  close(): Promise<void>;
}

/** The idea board's app backend: request/response only; live updates go through the broker. */
export function createBoardServer(
  config: ServerConfig,
  publisher?: BrokerPublisher,
  position?: BrokerPosition,
): BoardServer {
  const board = new BoardStore();
  const sessions = new SessionStore();
  const brokerPublisher = publisher ?? createBrokerPublisher(config);
  const brokerPosition = position ?? createBrokerPosition(config);

  const app = express();
  app.disable('x-powered-by');
  // Behind the class server (pnpm class) requests come from loopback: X-Forwarded-For names the device, and
  // X-Forwarded-Host the address it used (the broker's address under it: board-routes.ts).
  app.set('trust proxy', 'loopback');
  app.use(allowOrigins(config.allowedOrigins));
  app.get('/', (_request, response) => {
    response.json({
      endpoints: ['POST /api/session', 'POST /api/token', 'GET /api/board', 'POST /api/ideas'],
      instructor: ['POST /api/round', 'POST /api/alerts'],
      broker: config.brokerUrl,
    });
  });
  app.use(
    createBoardRouter({ board, sessions, publisher: brokerPublisher, position: brokerPosition, config }),
  );
  app.get('/stats', (_request, response) => {
    response.json({ sessions: sessions.size, ideas: board.snapshot().ideas.length });
  });
  app.use(notFound);
  app.use(jsonErrors);

  const httpServer: Server = createServer(app);

  function listen(port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, () => {
        httpServer.off('error', reject);
        resolve(httpServer.address() as AddressInfo);
      });
    });
  }

  function close(): Promise<void> {
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      httpServer.closeAllConnections();
    });
  }

  return { board, listen, close };
}
