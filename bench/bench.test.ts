import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/exercise-catalog';
import { markdownTable } from './markdown-table';
import { renderReport } from './report-file';
import { runSseParserBench } from './sse-parser.bench';

const run = promisify(execFile);

describe('sse-parser benchmark', () => {
  it('times both parsers on every stream, after checking that they report the same events', () => {
    const report = runSseParserBench({ quick: true });
    const [header, ...rows] = report.table;
    expect(header).toEqual(['Stream', 'SseParser (03)', 'eventsource-parser', 'Ratio']);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row[1]).toMatch(/^\d+(\.\d+)? ms$/);
      expect(row[2]).toMatch(/^\d+(\.\d+)? ms$/);
      expect(row[3]).toMatch(/^\d+\.\d\d×$/);
    }
    expect(report.verdicts[0]).toMatch(
      /^Goal: within 2× of eventsource-parser on every stream: (met|missed)/,
    );
  });
});

describe('report file', () => {
  it('names the machine and the command that regenerates it, above the table', () => {
    const text = renderReport(
      {
        name: 'demo',
        title: 'Demo',
        method: 'One run.',
        table: [
          ['a', 'b'],
          ['1', '2'],
        ],
        verdicts: ['Goal: met.'],
      },
      'Some CPU · 2 cores',
      new Date('2026-12-07T10:00:00Z'),
    );
    expect(text).toBe(
      '# Demo\n\nMeasured on Some CPU · 2 cores, 2026-12-07. Regenerate with `pnpm bench demo`.\n\n' +
        'One run.\n\n| a   | b   |\n| --- | --- |\n| 1   | 2   |\n\nGoal: met.\n',
    );
  });

  it('shows each chart below the table, by the file name pnpm bench writes it to', () => {
    const text = renderReport(
      {
        name: 'demo',
        title: 'Demo',
        method: 'One run.',
        table: [['a'], ['1']],
        verdicts: ['Goal: met.'],
        charts: [
          { id: 'bytes', title: 'Bytes', unit: 'bytes', groups: ['x'], series: [{ name: 's', values: [1] }] },
          { id: 'cpu', title: 'CPU time', unit: 'µs', groups: ['x'], series: [{ name: 's', values: [2] }] },
        ],
      },
      'Some CPU · 2 cores',
      new Date('2026-12-07T10:00:00Z'),
    );
    expect(text).toBe(
      '# Demo\n\nMeasured on Some CPU · 2 cores, 2026-12-07. Regenerate with `pnpm bench demo`.\n\n' +
        'One run.\n\n| a   |\n| --- |\n| 1   |\n\n' +
        '![Bytes](demo-bytes.svg)\n\n![CPU time](demo-cpu.svg)\n\nGoal: met.\n',
    );
  });

  it('makes an empty table of no rows', () => {
    expect(markdownTable([])).toBe('');
  });
});

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
