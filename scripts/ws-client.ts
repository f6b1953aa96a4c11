// `pnpm ws-client [url] [--name NAME]`: a WebSocket client for the terminal, so trying a server by hand needs
// no download (`npx wscat` does, and the workshop promises to work offline). Each line you type is sent: a line
// that starts with `{` as it is, any other as a chat message from NAME. Every frame that arrives is printed.
import { createInterface } from 'node:readline';
import { parseArgs, styleText } from 'node:util';
import { WebSocket } from 'ws';

const DEFAULT_URL = 'ws://localhost:8080';

const { values, positionals } = parseArgs({
  options: { name: { type: 'string', default: 'terminal' }, help: { type: 'boolean', short: 'h' } },
  allowPositionals: true,
});

if (values.help) {
  console.log(
    [
      'pnpm ws-client [url] [--name NAME]   (url: ws://localhost:8080 unless given)',
      '',
      'Type a line and press Enter to send it: a line starting with { goes out as it is (JSON),',
      'any other line as {"event":"chat","data":{"username":NAME,"message":LINE}}. Ctrl+C quits.',
    ].join('\n'),
  );
  process.exit(0);
}

const url = positionals[0] ?? DEFAULT_URL;
const socket = openSocket(url);

socket.on('open', () => {
  console.log(styleText('green', `Connected to ${url}. Type a message and press Enter; Ctrl+C quits.`));
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => send(line));
  // Input ended (a pipe, or Ctrl+D): say goodbye properly instead of dropping the connection.
  lines.on('close', () => socket.close(1000, 'input ended'));
});

socket.on('message', (data) => {
  console.log(`${styleText('cyan', '<')} ${data.toString()}`);
});

socket.on('close', (code, reason) => {
  console.log(styleText('yellow', `Closed: ${code}${reason.length > 0 ? ` ${reason.toString()}` : ''}`));
  process.exit(0);
});

socket.on('error', (error) => {
  console.error(styleText('red', explain(error, url)));
  process.exit(1);
});

process.on('SIGINT', () => socket.close(1000, 'bye'));

function openSocket(address: string): WebSocket {
  try {
    return new WebSocket(address);
  } catch {
    console.error(
      styleText('red', `"${address}" is not a WebSocket address; it looks like ws://localhost:8080.`),
    );
    process.exit(1);
  }
}

/** A line as it goes out: JSON as typed, plain text as a chat message. */
function send(line: string): void {
  const text = line.trim();
  if (text === '') return;
  const frame = text.startsWith('{')
    ? text
    : JSON.stringify({ event: 'chat', data: { username: values.name, message: text } });
  socket.send(frame);
  console.log(`${styleText('magenta', '>')} ${frame}`);
}

function explain(error: Error, address: string): string {
  if ('code' in error && error.code === 'ECONNREFUSED') {
    return `Nothing answers at ${address}. Is the server running (pnpm dev)?`;
  }
  return `The connection to ${address} failed: ${error.message}`;
}
