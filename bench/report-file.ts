import type { BenchChart, BenchReport } from './bench-report';
import { markdownTable } from './markdown-table';

/** The markdown that `pnpm bench` writes to docs/bench/NAME.md, its charts below the table. */
export function renderReport(report: BenchReport, machine: string, date: Date): string {
  const charts = (report.charts ?? []).flatMap((chart) => [
    `![${chart.title}](${chartFileName(report.name, chart)})`,
    '',
  ]);
  return [
    `# ${report.title}`,
    '',
    `Measured on ${machine}, ${date.toISOString().slice(0, 10)}. Regenerate with \`pnpm bench ${report.name}\`.`,
    '',
    report.method,
    '',
    markdownTable(report.table),
    '',
    ...charts,
    // A paragraph each: lines next to each other would run together in markdown.
    report.verdicts.join('\n\n'),
    '',
  ].join('\n');
}

/** `technique-cost-bytes.svg`: beside the report in docs/bench/, so the markdown links it by its name. */
export function chartFileName(reportName: string, chart: BenchChart): string {
  return `${reportName}-${chart.id}.svg`;
}
