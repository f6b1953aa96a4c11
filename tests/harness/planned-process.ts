import type { DevPorts } from '../../scripts/dev-ports';
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
  return new ManagedProcess({ label: planned.title, command, args, cwd: planned.cwd, env: planned.env });
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
