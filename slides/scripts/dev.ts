// `pnpm slides [workshop|pubsub] [de|en] [--fresh]`: Slidev (presenter mode) and the poll server, side by side.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import concurrently, { type CloseEvent, Command } from 'concurrently';
import { isPortFree } from '../../scripts/ports';
import { POLL_DATA_DIR } from '../poll/poll-server';
import { DECKS, findDeck, SLIDES_ROOT, slidevCli } from './decks';

let parsed: ReturnType<typeof parseCommandLine>;
try {
  parsed = parseCommandLine();
} catch (error) {
  console.error(`${(error as Error).message}. Usage: pnpm slides [workshop|pubsub] [de|en] [--fresh]`);
  process.exit(1);
}
const [nameArg, languageArg] = parsed.positionals.flatMap((arg) => arg.split(/[.-]/));
const deck = findDeck(nameArg ?? process.env.SLIDES_DECK, languageArg ?? process.env.SLIDES_LANG);
if (!deck) {
  const known = DECKS.map((each) => `${each.name} ${each.language}`).join(', ');
  console.error(`No such deck: "${parsed.positionals.join(' ')}". Try one of: ${known}.`);
  process.exit(1);
}

const slidesPort = readPort('SLIDES_PORT', 3030);
const pollPort = readPort('POLL_PORT', 3040);
for (const [name, port] of [
  ['SLIDES_PORT', slidesPort],
  ['POLL_PORT', pollPort],
] as const) {
  if (!(await isPortFree(port))) {
    console.error(
      `Port ${port} is already in use (another "pnpm slides"?). Stop it, or set ${name} to a free port.`,
    );
    process.exit(1);
  }
}

if (parsed.values.fresh) {
  // A new group: this talk's votes start at zero (the other talk keeps its own).
  const votes = path.join(POLL_DATA_DIR, `${deck.name}.json`);
  rmSync(votes, { force: true });
  console.log(
    `--fresh: the votes of "${deck.name}" start empty (${path.relative(SLIDES_ROOT, votes)} deleted).`,
  );
}

console.log(
  `${deck.entry}: slides http://localhost:${slidesPort}/ · presenter http://localhost:${slidesPort}/#/presenter/1`,
);
const node = JSON.stringify(process.execPath);
const { commands, result } = concurrently(
  [
    {
      name: 'slides',
      command: `${node} ${JSON.stringify(slidevCli())} ${deck.entry} --port ${slidesPort}`,
      env: { POLL_PORT: String(pollPort) },
    },
    { name: 'poll', command: `${node} --import tsx/esm poll/index.ts`, env: { POLL_PORT: String(pollPort) } },
  ],
  // No killOthersOn: the poll server stopping must never take the slides down (see below).
  { cwd: SLIDES_ROOT, prefixColors: ['cyan', 'magenta'] },
);
const [slides, poll] = commands;
if (slides && poll) superviseThePoll(slides, poll);
result.catch(() => {
  process.exitCode = 1;
});

/**
 * The slides are the talk; the poll is an extra. When Slidev ends, the poll ends with it. When the poll
 * server fails, the slides keep running and it is started again, a few times, with growing pauses.
 */
function superviseThePoll(slides: Command, poll: Command): void {
  let slidesEnded = false;
  let restarts = 0;
  slides.close.subscribe(() => {
    slidesEnded = true;
    if (Command.canKill(poll)) poll.kill();
  });
  poll.close.subscribe((event: CloseEvent) => {
    if (slidesEnded || event.killed || event.exitCode === 0) return;
    if (restarts >= 5) {
      console.error(
        '[poll] gave up after 5 restarts; the slides go on without live votes. See the errors above.',
      );
      return;
    }
    restarts += 1;
    const seconds = 2 ** restarts;
    console.error(
      `[poll] stopped (exit ${event.exitCode}); the slides keep running. Restarting in ${seconds} s.`,
    );
    setTimeout(() => {
      if (!slidesEnded) poll.start();
    }, seconds * 1000);
  });
}

function parseCommandLine() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { fresh: { type: 'boolean', default: false } },
  });
}

function readPort(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`${name} must be a whole number from 1 to 65535, got "${text}".`);
    process.exit(1);
  }
  return port;
}
