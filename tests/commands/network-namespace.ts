// Another device for the class server's checks: a network namespace joined to this machine by a veth pair,
// made by the test and removed after it (Linux, root, iproute2). Its traffic never leaves this machine. Where
// that is not possible the other checks stand in for a device with 127.0.0.2, and the skip says so.
import { execFileSync } from 'node:child_process';

export interface OtherDevice {
  /** The address the device reaches this machine at (this side of the veth pair). */
  hostAddress: string;
  /** The device's own address. */
  deviceAddress: string;
  /** Runs `node -e script` inside the namespace and returns what it printed. */
  runNode(script: string): string;
  remove(): void;
}

/** A namespace with its own network, or why there can be none here. */
export function makeOtherDevice(): OtherDevice | { unavailable: string } {
  if (process.platform !== 'linux') return { unavailable: 'network namespaces are Linux only' };
  if (process.getuid?.() !== 0) return { unavailable: 'making a network namespace needs root' };
  if (!canRun('ip', ['-V'])) return { unavailable: 'the ip command (iproute2) is missing' };
  const id = process.pid % 100_000;
  const namespace = `rtw-${id}`;
  const hostSide = `rtwh${id}`;
  const deviceSide = `rtwd${id}`;
  // A /30 of its own per test process, in a private range no real network here uses.
  const subnet = `10.213.${id % 250}`;
  const hostAddress = `${subnet}.1`;
  const deviceAddress = `${subnet}.2`;
  const remove = () => {
    canRun('ip', ['netns', 'del', namespace]);
    canRun('ip', ['link', 'del', hostSide]);
  };
  try {
    ip('netns', 'add', namespace);
    ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', deviceSide);
    ip('link', 'set', deviceSide, 'netns', namespace);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', hostSide);
    ip('link', 'set', hostSide, 'up');
    ip('-n', namespace, 'addr', 'add', `${deviceAddress}/30`, 'dev', deviceSide);
    ip('-n', namespace, 'link', 'set', deviceSide, 'up');
    ip('-n', namespace, 'link', 'set', 'lo', 'up');
  } catch (error) {
    remove();
    return { unavailable: `ip could not make a namespace: ${(error as Error).message.split('\n')[0]}` };
  }
  return {
    hostAddress,
    deviceAddress,
    runNode(script) {
      return execFileSync('ip', ['netns', 'exec', namespace, process.execPath, '-e', script], {
        encoding: 'utf8',
        timeout: 30_000,
      });
    },
    remove,
  };
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function canRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
