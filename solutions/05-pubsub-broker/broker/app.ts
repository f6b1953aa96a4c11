import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { BrokerEngine } from './broker-engine';
import { ChannelHub } from './channel-hub';
import { allowOrigins } from './cors';
import { jsonErrors, notFound } from './json-errors';
import { createPublishRouter } from './publish-route';
import { createSseTransport } from './sse-transport';
import { secretKey } from './subscribe-token';
import { attachWebSocketTransport } from './websocket-transport';

export interface BrokerOptions {
  /** Where channels, history and presence live: `createMemoryEngine` alone, `createRedisEngine` shared. */
  engine: BrokerEngine;
  allowedOrigins: readonly string[];
  subscribeTokenSecret: string;
  publisherKey: string;
  heartbeatMs: number;
  maxBufferedBytes: number;
  keepAliveMs: number;
}

export interface Broker {
  readonly hub: ChannelHub;
  /** Starts listening; port 0 picks a free one. */
  listen(port: number): Promise<AddressInfo>;
  /** Says goodbye to every subscriber and closes the port and the engine. */
  close(): Promise<void>;
}

/** The broker: `POST /publish` for the app backend, WebSocket and SSE for subscribers. */
export function createBroker(options: BrokerOptions): Broker {
  const hub = new ChannelHub(options.engine);
  const tokenSecret = secretKey(options.subscribeTokenSecret);
  const sse = createSseTransport(hub, {
    tokenSecret,
    keepAliveMs: options.keepAliveMs,
    retryMs: 2_000,
    maxBufferedBytes: options.maxBufferedBytes,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(allowOrigins(options.allowedOrigins));
  app.get('/', (request, response) => {
    response.json({
      subscribe: [
        `WebSocket ws://${request.get('host')}/connect?token=…`,
        'GET /events?token=…&channel=… (SSE)',
      ],
      publish: 'POST /publish (Authorization: Bearer <publisher key>)',
      position: 'GET /position (Authorization: Bearer <publisher key>)',
      stats: 'GET /stats',
    });
  });
  app.get('/events', sse.route);
  app.use(createPublishRouter(options.engine, options.publisherKey));
  app.get('/stats', (_request, response) => {
    response.json({
      connections: hub.connectionCount,
      webSocketClients: webSocket.clientCount,
      sseStreams: sse.streamCount,
      subscribers: hub.subscriberCounts(),
    });
  });
  app.use(notFound);
  app.use(jsonErrors);

  const httpServer: Server = createServer(app);
  const webSocket = attachWebSocketTransport(httpServer, hub, {
    allowedOrigins: options.allowedOrigins,
    tokenSecret,
    heartbeatMs: options.heartbeatMs,
    maxBufferedBytes: options.maxBufferedBytes,
  });

  function listen(port: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, () => {
        httpServer.off('error', reject);
        resolve(httpServer.address() as AddressInfo);
      });
    });
  }

  async function close(): Promise<void> {
    await webSocket.close();
    await new Promise<void>((resolve) => {
      httpServer.close(() => resolve());
      // Event streams never end by themselves; close them so the port is freed now.
      httpServer.closeAllConnections();
    });
    await options.engine.close();
  }

  return { hub, listen, close };
}
