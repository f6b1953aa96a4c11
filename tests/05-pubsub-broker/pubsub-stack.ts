import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ROOT } from '../../scripts/exercise-catalog';
import { findFreePort } from '../../scripts/ports';
import type { Target } from '../harness/exercise-servers';
import { ManagedProcess } from '../harness/managed-process';
import { startTcpProxy, type TcpProxy } from '../harness/tcp-proxy';

export const EXERCISE = '05-pubsub-broker';
/** The development defaults both servers share (server-config.ts, broker-config.ts). */
export const PUBLISHER_KEY = 'workshop-publisher-key';
export const INSTRUCTOR_KEY = 'workshop-instructor';
export const SUBSCRIBE_TOKEN_SECRET = 'workshop-subscribe-secret-change-me';

export interface PubSubStackOptions {
  /** Whose page (client/), app backend (server/) and broker (broker/) run: the student's or the reference. */
  page?: Target;
  app?: Target;
  broker?: Target;
  /** Without Vite, for specs that only speak HTTP and WebSocket. */
  withPage?: boolean;
  /** More than one broker needs `redisUrl`. */
  brokerCount?: number;
  redisUrl?: string;
  /** Extra environment for the app backend and every broker, e.g. a shorter heartbeat. */
  env?: Record<string, string>;
  /** Pages reach the (first) broker through a TCP proxy, so a test can cut their connection. */
  proxyBroker?: boolean;
}

/** Exercise 05 running like `pnpm dev` does, but on free ports, in any mix of starter and reference parts. */
export interface PubSubStack {
  readonly pageUrl: string;
  readonly appUrl: string;
  readonly brokerUrls: string[];
  readonly brokerProxy: TcpProxy | undefined;
  /** Kills one broker without a goodbye, as a crash would. */
  killBroker(index: number): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

export async function startPubSubStack(options: PubSubStackOptions = {}): Promise<PubSubStack> {
  const { brokerCount = 1, withPage = true } = options;
  if (brokerCount > 1 && !options.redisUrl)
    throw new Error('Several brokers share their channels through Redis.');
  const folder = (target: Target = 'solutions') => path.join(ROOT, target, EXERCISE);
  const clientPort = await findFreePort();
  const appPort = await findFreePort();
  const brokerPorts: number[] = [];
  for (let index = 0; index < brokerCount; index += 1) brokerPorts.push(await findFreePort());

  const pageUrl = `http://localhost:${clientPort}`;
  const appUrl = `http://localhost:${appPort}`;
  const brokerUrls = brokerPorts.map((port) => `http://localhost:${port}`);
  const shared: Record<string, string> = {
    ALLOWED_ORIGINS: `${pageUrl},http://127.0.0.1:${clientPort}`,
    // Each stack gets its own keys, so specs that share one Redis never see each other's channels.
    REDIS_KEY_PREFIX: `test-${randomUUID().slice(0, 8)}`,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };

  const processes: ManagedProcess[] = [];
  const startNode = (
    label: string,
    target: Target | undefined,
    entry: string,
    env: Record<string, string>,
  ) => {
    const process_ = new ManagedProcess({
      label,
      command: process.execPath,
      args: ['--import', 'tsx', entry],
      cwd: folder(target),
      env: { ...shared, ...env },
    });
    processes.push(process_);
    return process_;
  };

  const brokerProxy = options.proxyBroker && brokerPorts[0] ? await startTcpProxy(brokerPorts[0]) : undefined;
  const publicBrokerUrls = brokerProxy ? [`http://localhost:${brokerProxy.port}`] : brokerUrls;

  const brokers = brokerPorts.map((port, index) =>
    startNode(`Broker ${index + 1} (${options.broker ?? 'solutions'})`, options.broker, 'broker/index.ts', {
      PORT: String(port),
    }),
  );
  const app = startNode(`App backend (${options.app ?? 'solutions'})`, options.app, 'server/index.ts', {
    PORT: String(appPort),
    BROKER_URL: brokerUrls[0] ?? '',
    BROKER_PUBLIC_URLS: publicBrokerUrls.join(','),
  });
  const page = withPage
    ? new ManagedProcess({
        label: `The page (${options.page ?? 'solutions'})`,
        command: process.execPath,
        args: [
          path.join(folder(options.page), 'node_modules', 'vite', 'bin', 'vite.js'),
          '--port',
          String(clientPort),
          '--strictPort',
          '--bypass-lock',
        ],
        cwd: folder(options.page),
        // Whichever app the client uses (the reference in Part 1, yours from Part 2), it reaches this one.
        env: { VITE_REFERENCE_APP: appUrl, VITE_YOUR_APP: appUrl },
      })
    : undefined;
  if (page) processes.push(page);

  async function stop(): Promise<void> {
    await Promise.all([...processes.map((managed) => managed.stop()), brokerProxy?.close()]);
  }

  try {
    await Promise.all([
      ...brokers.map((broker, index) => broker.waitForHttp(`${brokerUrls[index]}/stats`)),
      app.waitForHttp(`${appUrl}/api/board`),
      page?.waitForHttp(pageUrl),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    pageUrl,
    appUrl,
    brokerUrls,
    brokerProxy,
    killBroker: async (index) => {
      await brokers[index]?.kill();
    },
    logs: () => processes.map((managed) => `── ${managed.label} ──\n${managed.output}`).join('\n'),
    stop,
  };
}
