import type { Server, Socket } from 'node:net';

/**
 * What crosses the sockets of one server, headers and framing included: the bytes the kernel was handed and
 * gave back, read from each socket itself, not estimated from the messages.
 */
export class SocketMeter {
  readonly #open = new Set<Socket>();
  #closedBytes = 0;

  /** Counts every connection `server` accepts from now on. */
  watch(server: Server): void {
    server.on('connection', (socket: Socket) => this.add(socket));
  }

  /** Counts one socket until it closes. */
  add(socket: Socket): void {
    this.#open.add(socket);
    socket.once('close', () => {
      this.#open.delete(socket);
      this.#closedBytes += bytesOf(socket);
    });
  }

  /** Bytes both ways on every socket so far, open or closed. */
  get bytes(): number {
    let total = this.#closedBytes;
    for (const socket of this.#open) total += bytesOf(socket);
    return total;
  }

  get openConnections(): number {
    return this.#open.size;
  }

  /** The "network drop": every connection is cut at once, as when the Wi-Fi goes away. */
  dropAll(): void {
    for (const socket of this.#open) socket.destroy();
  }
}

function bytesOf(socket: Socket): number {
  return socket.bytesRead + socket.bytesWritten;
}
