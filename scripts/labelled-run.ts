// Runs planned processes side by side with labelled, coloured output (`[page]`, `[your server]`, `[04]`), as
// `pnpm dev` and `pnpm class` show them. Resolves when all have stopped; false when one failed or Ctrl+C came.
import concurrently from 'concurrently';
import { type CommandOptions, shellCommand, toolCommand, withLocalBin } from './launch-command';
import type { LaunchProcess } from './launch-plan';

export async function runLabelled(processes: LaunchProcess[], options: CommandOptions): Promise<boolean> {
  const { result } = concurrently(
    processes.map((process_) => ({
      name: process_.name,
      command: shellCommand(toolCommand(process_, options)),
      cwd: process_.cwd,
      env: withLocalBin(process_.cwd, process_.env),
      prefixColor: process_.color,
    })),
    { killOthersOn: ['failure'], prefix: '[{name}]', padPrefix: true },
  );
  try {
    await result;
    return true;
  } catch {
    // Each command has already printed why it stopped; Ctrl+C lands here too.
    return false;
  }
}
