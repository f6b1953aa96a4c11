// `pnpm bench` as typed: the quick run of every benchmark (what CI runs), and an unknown name. The compatibility
// run on the other Node (`pnpm test:compat`) leaves this file out: it checks the kit, not the benchmarks.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/exercise-catalog';

const run = promisify(execFile);

describe('pnpm bench', () => {
  it('--quick runs every benchmark and writes nothing', { timeout: 150_000 }, async () => {
    const { stdout } = await run('pnpm', ['bench', '--quick'], { cwd: ROOT });
    expect(stdout).toContain('quick: small inputs, nothing written');
    expect(stdout).toContain('▶ sse-parser');
    // The room on pnpm class, small: its numbers are never asserted, but losing or doubling a message is a bug.
    expect(stdout).toContain('▶ class-room');
    expect(stdout).toContain('Goal: every message reaches every student exactly once: met.');
    // The arena's techniques, small: a lost notification is a bug, whatever the numbers.
    expect(stdout).toContain('▶ technique-cost');
    expect(stdout).toContain('Every client got every notification (none lost): yes.');
    // Its charts are rendered, not written: a broken chart fails here, not in the next full run.
    expect(stdout).toContain('charts: 3 rendered');
    // The kit against a bare loop and Socket.IO, small: every broadcast must reach every client.
    expect(stdout).toContain('▶ fan-out');
    expect(stdout).toContain('Every broadcast reached every client (none lost): yes.');
    // Two brokers on one Redis, small: how fast is never asserted, but every subscriber gets every message.
    expect(stdout).toContain('▶ scale-out');
    expect(stdout).toContain('2 brokers, 100 subscribers:');
    expect(stdout).toContain('Every message reached every subscriber of its channel (none lost): yes.');
    expect(stdout).not.toContain('→ docs/bench/');
  });

  it('names the benchmarks there are when asked for one that is not', { timeout: 60_000 }, async () => {
    const failure = await run('pnpm', ['bench', 'nope', '--quick'], { cwd: ROOT }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      stderr: expect.stringContaining(
        'No benchmark "nope". There are: sse-parser, class-room, technique-cost, fan-out, scale-out.',
      ),
    });
  });
});
