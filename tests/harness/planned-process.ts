import path from 'node:path';
import type { DevPorts } from '../../scripts/dev-ports';
import { ROOT } from '../../scripts/exercise-catalog';
import { directCommand, toolCommand } from '../../scripts/launch-command';
import type { LaunchProcess } from '../../scripts/launch-plan';
import { findFreePort } from '../../scripts/ports';
import { ManagedProcess } from './managed-process';

/** Starts one process of a launch plan as `pnpm dev` would, but once (no watching) and beside other pages. */
export function startPlanned(planned: LaunchProcess): ManagedProcess {
  const [command, ...args] = directCommand(
    planned.cwd,
    toolCommand(planned, { watch: false, secondPage: true }),
  );
  if (!command) throw new Error(`Nothing to run for ${planned.name}.`);
  return new ManagedProcess({
    label: planned.title,
    command,
    args,
    cwd: planned.cwd,
    env: planned.env,
    readyBoundMs: readyBoundOf(planned),
  });
}

/**
 * A student's server may never listen, and `pnpm verify` must say so soon: 20 s. The reference servers and the
 * page always answer; only a machine busy with other test runs delays them (a CI run once saw a reference broker
 * take over 20 s), so they get 60 s: the bound is for a hang, and nothing waits for it when all is well.
 */
function readyBoundOf(planned: LaunchProcess): number {
  const fromSolutions = !path.relative(path.join(ROOT, 'solutions'), planned.cwd).startsWith('..');
  return planned.kind === 'server' && !fromSolutions ? 20_000 : 60_000;
}

/** Every port of an exercise on a free one, so tests run beside a student's own `pnpm dev` and each other. */
export async function freeDevPorts(): Promise<DevPorts> {
  return {
    client: await findFreePort(),
    reference: await findFreePort(),
    student: await findFreePort(),
    referenceBroker: await findFreePort(),
    studentBroker: await findFreePort(),
  };
}
