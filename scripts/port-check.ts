import type { LaunchProcess } from './launch-plan';
import { isPortFree } from './ports';

/** One line per planned process whose port is taken, before anything starts; empty when all are free. */
export async function findBusyPorts(processes: LaunchProcess[]): Promise<string[]> {
  const busy: string[] = [];
  for (const process_ of processes) {
    if (await isPortFree(process_.port)) continue;
    busy.push(
      `Port ${process_.port} (${process_.name}) is already in use (is another "pnpm dev" still running?). ` +
        `Stop it, or pick another port with ${process_.portVariable}=<port>.`,
    );
  }
  return busy;
}
