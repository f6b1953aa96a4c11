// `pnpm class` tells the slides' poll server on the same laptop where it runs: one small file in the kit,
// written once the class server listens and removed when it stops. The pub/sub deck then shows the idea board
// without a setting, and asks nothing of a port where no class server runs.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './exercise-catalog';

const FILE = path.join(ROOT, 'node_modules', '.cache', 'realtime-workshop', 'class-server.json');

interface Announcement {
  port: number;
  pid: number;
}

export function announceClassServer(port: number): void {
  mkdirSync(path.dirname(FILE), { recursive: true });
  const announcement: Announcement = { port, pid: process.pid };
  writeFileSync(FILE, JSON.stringify(announcement));
  process.once('exit', () => rmSync(FILE, { force: true }));
}

/** The port of the `pnpm class` running on this laptop, or undefined (none, or one that was killed). */
export function announcedClassPort(): number | undefined {
  let announcement: Partial<Announcement>;
  try {
    announcement = JSON.parse(readFileSync(FILE, 'utf8')) as Partial<Announcement>;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(announcement.port) || !Number.isInteger(announcement.pid)) return undefined;
  return isRunning(announcement.pid as number) ? announcement.port : undefined;
}

function isRunning(pid: number): boolean {
  try {
    // Signal 0 only asks whether the process exists.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
