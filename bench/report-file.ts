import type { BenchReport } from './bench-report';
import { markdownTable } from './markdown-table';

/** The markdown that `pnpm bench` writes to docs/bench/NAME.md. */
export function renderReport(report: BenchReport, machine: string, date: Date): string {
  return [
    `# ${report.title}`,
    '',
    `Measured on ${machine}, ${date.toISOString().slice(0, 10)}. Regenerate with \`pnpm bench ${report.name}\`.`,
    '',
    report.method,
    '',
    markdownTable(report.table),
    '',
    ...report.verdicts,
    '',
  ].join('\n');
}
