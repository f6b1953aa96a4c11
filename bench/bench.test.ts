import { describe, expect, it } from 'vitest';
import { markdownTable } from './markdown-table';
import { renderReport } from './report-file';
import { runSseParserBench } from './sse-parser.bench';

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
