// `pnpm bench [NAME…] [--quick]`: runs the benchmarks and writes each report to docs/bench/NAME.md, its charts
// beside it as NAME-ID.svg.
// Numbers are never asserted in tests; `--quick` (CI) only proves that every benchmark still runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../scripts/exercise-catalog';
import { BENCHMARKS, type Benchmark } from './benchmarks';
import { describeMachine } from './machine';
import { markdownTable } from './markdown-table';
import { chartFileName, renderReport } from './report-file';
import { renderBarChart } from './svg-chart';

const REPORT_DIR = path.join(ROOT, 'docs', 'bench');

const args = process.argv.slice(2);
if (args.includes('--help')) {
  printHelp();
  process.exit(0);
}
const quick = args.includes('--quick');
const selected = selectBenchmarks(args.filter((arg) => !arg.startsWith('--')));
const machine = describeMachine();
console.log(`Benchmarks on ${machine}${quick ? ' (quick: small inputs, nothing written)' : ''}`);
for (const benchmark of selected) {
  console.log(`\n▶ ${benchmark.name}: ${benchmark.summary}`);
  const report = await benchmark.run({ quick });
  console.log(markdownTable(report.table));
  for (const verdict of report.verdicts) console.log(verdict);
  // Rendered in the quick run too, so a broken chart fails CI rather than the next full run.
  const charts = (report.charts ?? []).map((chart) => ({
    file: path.join(REPORT_DIR, chartFileName(report.name, chart)),
    svg: renderBarChart(chart, machine),
  }));
  if (charts.length > 0) console.log(`charts: ${charts.length} rendered`);
  if (quick) continue;
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = path.join(REPORT_DIR, `${report.name}.md`);
  writeFileSync(file, renderReport(report, machine, new Date()));
  console.log(`→ ${path.relative(ROOT, file)}`);
  for (const chart of charts) {
    writeFileSync(chart.file, chart.svg);
    console.log(`→ ${path.relative(ROOT, chart.file)}`);
  }
}

function selectBenchmarks(names: string[]): Benchmark[] {
  if (names.length === 0) return BENCHMARKS;
  const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    const known = BENCHMARKS.map((benchmark) => benchmark.name).join(', ');
    console.error(`No benchmark "${unknown.join('", "')}". There are: ${known}.`);
    process.exit(1);
  }
  return BENCHMARKS.filter((benchmark) => names.includes(benchmark.name));
}

function printHelp(): void {
  console.log('pnpm bench [NAME…] [--quick]\n');
  console.log('  Runs the benchmarks (all, or the ones named) and writes docs/bench/NAME.md and its charts.');
  console.log('  --quick   small inputs and one run each, nothing written (what CI runs)\n');
  for (const benchmark of BENCHMARKS) console.log(`  ${benchmark.name.padEnd(12)} ${benchmark.summary}`);
}
