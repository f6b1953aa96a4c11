// `pnpm slides [workshop|pubsub] [de|en]`: Slidev (presenter mode) and the poll server, side by side.
import concurrently from 'concurrently';
import { isPortFree } from '../../scripts/ports';
import { DECKS, findDeck, SLIDES_ROOT, slidevCli } from './decks';

const [nameArg, languageArg] = process.argv.slice(2).flatMap((arg) => arg.split(/[.-]/));
const deck = findDeck(nameArg ?? process.env.SLIDES_DECK, languageArg ?? process.env.SLIDES_LANG);
if (!deck) {
  const known = DECKS.map((each) => `${each.name} ${each.language}`).join(', ');
  console.error(`No such deck: "${process.argv.slice(2).join(' ')}". Try one of: ${known}.`);
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

console.log(
  `${deck.entry}: slides http://localhost:${slidesPort}/ · presenter http://localhost:${slidesPort}/#/presenter/1`,
);
const node = JSON.stringify(process.execPath);
const { result } = concurrently(
  [
    {
      name: 'slides',
      command: `${node} ${JSON.stringify(slidevCli())} ${deck.entry} --port ${slidesPort}`,
      env: { POLL_PORT: String(pollPort) },
    },
    { name: 'poll', command: `${node} --import tsx poll/index.ts`, env: { POLL_PORT: String(pollPort) } },
  ],
  { cwd: SLIDES_ROOT, killOthersOn: ['failure', 'success'], prefixColors: ['cyan', 'magenta'] },
);
result.catch(() => {
  process.exitCode = 1;
});

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
