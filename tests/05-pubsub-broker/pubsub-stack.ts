import { randomUUID } from 'node:crypto';
import { findExercise } from '../../scripts/exercise-catalog';
import { localUrl, planPubSubStack } from '../../scripts/launch-plan';
import { findFreePort } from '../../scripts/ports';
import type { Target } from '../harness/exercise-servers';
import { startPlanned } from '../harness/planned-process';
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
  const clientPort = await findFreePort();
  const appPort = await findFreePort();
  const brokerPorts: number[] = [];
  for (let index = 0; index < brokerCount; index += 1) brokerPorts.push(await findFreePort());

  const pageUrl = localUrl(clientPort);
  const appUrl = localUrl(appPort);
  const brokerUrls = brokerPorts.map(localUrl);

  const brokerProxy = options.proxyBroker && brokerPorts[0] ? await startTcpProxy(brokerPorts[0]) : undefined;
  // The same plan `pnpm dev` uses for 05 (page, brokers, app), in the mix of starter and reference asked for.
  const planned = planPubSubStack({
    exercise: findExercise(EXERCISE),
    page: withPage ? { folder: options.page ?? 'solutions', port: clientPort } : undefined,
    clientPort,
    app: { folder: options.app ?? 'solutions', port: appPort },
    brokers: brokerPorts.map((port) => ({ folder: options.broker ?? 'solutions', port })),
    redisUrl: options.redisUrl,
    // Each stack gets its own keys, so specs that share one Redis never see each other's channels.
    serverEnv: { REDIS_KEY_PREFIX: `test-${randomUUID().slice(0, 8)}`, ...options.env },
    publicBrokerUrls: brokerProxy ? [localUrl(brokerProxy.port)] : undefined,
  });
  const processes = planned.map((each) => ({ planned: each, managed: startPlanned(each) }));
  const brokers = processes.filter(({ planned: each }) => each.entry === 'broker/index.ts');

  async function stop(): Promise<void> {
    await Promise.all([...processes.map(({ managed }) => managed.stop()), brokerProxy?.close()]);
  }

  try {
    await Promise.all(processes.map(({ planned: each, managed }) => managed.waitForHttp(each.readyUrl)));
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
      await brokers[index]?.managed.kill();
    },
    logs: () => processes.map(({ managed }) => `── ${managed.label} ──\n${managed.output}`).join('\n'),
    stop,
  };
}
