// A client that sends one request, takes in the answer's headers and then never reads again, like a phone whose
// app was frozen: whatever the server sends next piles up for it (backpressure checks of 03 and 04).
import { connect, type Socket } from 'node:net';

/**
 * Sends `requestLine` and `headers` (the Host header is added) to `httpUrl`, and resolves once
 * the answer's headers arrived with `expectedStatus` (e.g. `101`), with the socket paused.
 */
export async function openStalledSocket(
  httpUrl: string,
  requestLine: string,
  headers: string[],
  expectedStatus: number,
): Promise<Socket> {
  const { hostname, port } = new URL(httpUrl);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (!answer.includes('\r\n\r\n')) return;
      socket.removeAllListeners('data');
      socket.pause();
      const statusLine = answer.split('\r\n')[0] ?? '';
      if (statusLine.startsWith(`HTTP/1.1 ${expectedStatus}`)) resolve();
      else reject(new Error(`${requestLine} answered ${statusLine}`));
    });
    socket.write([requestLine, `Host: ${hostname}:${port}`, ...headers, '', ''].join('\r\n'));
  });
  return socket;
}
