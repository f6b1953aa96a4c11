import { createRequire } from 'node:module';
import path from 'node:path';
import type { LaunchProcess } from './launch-plan';

export interface CommandOptions {
  /** `pnpm dev`: servers restart when a file is saved. Tests run each server once. */
  watch: boolean;
  /** Tests may run a second page of the same exercise beside a student's own `pnpm dev`. */
  secondPage?: boolean;
}

/** A tool of the exercise folder's own install (`vite`) or Node itself (with its `tsx`), and its arguments. */
export interface ToolCommand {
  tool: 'vite' | 'node';
  args: string[];
}

/** What starts one planned process: Vite for the page, Node with tsx for a server. */
export function toolCommand(planned: LaunchProcess, options: CommandOptions): ToolCommand {
  if (planned.kind === 'page') {
    // Vite 8 allows one dev server per project unless told otherwise; --strictPort repeats the config.
    return { tool: 'vite', args: [...(options.secondPage ? ['--bypass-lock'] : []), '--strictPort'] };
  }
  const entry = planned.entry ?? 'server/index.ts';
  // A bundled server (pnpm class:build) is plain JavaScript: Node runs it without tsx, on any host.
  if (entry.endsWith('.mjs')) return { tool: 'node', args: [entry] };
  // Restarts the server when a file of the exercise is saved, whatever the editor (watched-server.ts says why
  // neither Node's --watch nor tsx watch does that).
  if (options.watch) {
    return {
      tool: 'node',
      args: ['--import', 'tsx/esm', relativeScript(planned.cwd, 'watched-server.ts'), entry],
    };
  }
  // One process, no tsx wrapper: a test that kills the server kills the server.
  return { tool: 'node', args: ['--import', 'tsx/esm', entry] };
}

/** For `pnpm dev` (concurrently runs it through a shell, with the folder's node_modules/.bin on PATH). */
export function shellCommand({ tool, args }: ToolCommand): string {
  return [tool, ...args].join(' ');
}

/**
 * A script of this folder (scripts/) as a path from `cwd`, with forward slashes (Node takes them everywhere):
 * from an exercise it is ../../scripts/…, free of the spaces a user folder may have.
 */
function relativeScript(cwd: string, script: string): string {
  return path
    .relative(cwd, path.join(import.meta.dirname, script))
    .split(path.sep)
    .join('/');
}

/** The folder's node_modules/.bin first on PATH, as `pnpm exec` has it, so `vite` and `tsx` are its own. */
export function withLocalBin(directory: string, env: Record<string, string>): Record<string, string> {
  const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  const localBin = path.join(directory, 'node_modules', '.bin');
  return { ...env, [pathKey]: [localBin, process.env[pathKey] ?? ''].join(path.delimiter) };
}

/** For tests: the program and arguments without a shell, run by this very Node. */
export function directCommand(cwd: string, { tool, args }: ToolCommand): string[] {
  if (tool === 'node') return [process.execPath, ...args];
  return [process.execPath, toolScript(cwd, tool), ...args];
}

/** The command-line script of a package as the folder's own install has it (what its .bin shim runs). */
function toolScript(directory: string, packageName: string): string {
  const require = createRequire(path.join(directory, 'package.json'));
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[packageName];
  if (!bin) throw new Error(`${packageName} has no command-line script; run "pnpm install" again.`);
  return path.join(path.dirname(manifestPath), bin);
}
