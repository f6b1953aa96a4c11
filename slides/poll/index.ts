import path from 'node:path';
import { announcedClassPort } from '../../scripts/class-announcement';
import { type ClassChoice, chooseClass, envFileAt, readEnvFile } from '../../scripts/class-options';
import { BoardWatch } from './board-watch';
import { chooseLanAddress } from './lan-address';
import type { PollRelayTarget } from './poll-relay';
import { createPollServer, POLL_DATA_DIR, type PollServer, SLIDES_ROOT } from './poll-server';

// Started by `pnpm slides` next to Slidev; alone: `node --import tsx/esm poll/index.ts` in slides/.
async function main(): Promise<void> {
  const port = readPort(process.env.POLL_PORT, 3040);
  const publicHost = process.env.POLL_HOST || announceLanAddress();
  const classServer = chooseClass(undefined, process.env, KIT_ENV_FILE);
  const relay = classServer ? relayTarget(classServer) : undefined;
  const server = createPollServer({
    publicHost,
    dataDir: process.env.POLL_DATA_DIR || POLL_DATA_DIR,
    distDir: path.join(SLIDES_ROOT, 'dist'),
    // With a class server, its poll sends the board of its own /05/ to the slides.
    ...(relay ? { relay: () => relay } : { board: watchIdeaBoard(publicHost) }),
  });
  try {
    await server.listen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use (another "pnpm slides"?). Stop it, or set POLL_PORT to a free port.`
        : `Could not start the poll server on port ${port}: ${String(error)}`,
    );
  }
  const votePage = classServer ? `${classServer.url}/poll/vote` : `http://${publicHost}:${port}/vote`;
  console.log(
    `Poll: students vote at ${votePage}?deck=workshop (or ?deck=pubsub); built decks: http://localhost:${port}/`,
  );
  stopOnSignals(server);
}

/** The kit's `.env`, where WORKSHOP_CLASS and CLASS_INSTRUCTOR_KEY may be kept. */
const KIT_ENV_FILE = envFileAt(path.dirname(SLIDES_ROOT));

/**
 * With a class server (WORKSHOP_CLASS) the talk's poll is the class server's: phones on a Wi-Fi that keeps
 * devices apart reach it, and not this laptop. Its key lets the slides report the slide and start the break.
 */
function relayTarget(classServer: ClassChoice): PollRelayTarget {
  const key = process.env.CLASS_INSTRUCTOR_KEY || readEnvFile(KIT_ENV_FILE).CLASS_INSTRUCTOR_KEY;
  console.log(
    `Poll: the talk uses the class server's poll, ${classServer.url}/poll/vote (${classServer.source}); ` +
      (key
        ? 'phones follow the slides with CLASS_INSTRUCTOR_KEY.'
        : 'set CLASS_INSTRUCTOR_KEY too, or the phones cannot follow the slides and the break.'),
  );
  return { baseUrl: `${classServer.url}/poll`, key };
}

/**
 * The idea board of the pub/sub talk's workshop slide without a class server set: the `pnpm class` running on
 * this laptop, whenever one does (phones reach it at the LAN address).
 */
function watchIdeaBoard(publicHost: string): BoardWatch {
  console.log(
    'Poll: the pub/sub workshop slide shows the idea board of pnpm class on this laptop, once it runs.',
  );
  return new BoardWatch({
    locate: () => {
      const port = announcedClassPort();
      if (port === undefined) return undefined;
      return { pageUrl: `http://${publicHost}:${port}/05/`, statsUrl: `http://localhost:${port}/05/stats` };
    },
  });
}

/** The address for the QR code, with every candidate logged so a wrong pick is easy to spot and override. */
function announceLanAddress(): string {
  const { address, candidates } = chooseLanAddress();
  const listed = candidates.map((each) => `${each.address} (${each.interfaceName})`).join(', ');
  console.log(
    candidates.length === 0
      ? 'Poll: no LAN address found (offline?); only this machine can vote. POLL_HOST=<address> sets one.'
      : `Poll: LAN address ${address}; candidates: ${listed}. POLL_HOST=<address> picks another.`,
  );
  return address;
}

function readPort(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`POLL_PORT must be a whole number from 0 to 65535, got "${text}".`);
  }
  return port;
}

function stopOnSignals(server: PollServer): void {
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// A one-line message instead of a stack trace: these are setup problems, not bugs.
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
