// `pnpm bench [NAME…] [--quick]`: runs the benchmarks and writes each report to docs/bench/NAME.md.
// Numbers are never asserted in tests; `--quick` (CI) only proves that every benchmark still runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../scripts/exercise-catalog';
import { BENCHMARKS, type Benchmark } from './benchmarks';
import { describeMachine } from './machine';
import { markdownTable } from './markdown-table';
import { renderReport } from './report-file';

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
  if (quick) continue;
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = path.join(REPORT_DIR, `${report.name}.md`);
  writeFileSync(file, renderReport(report, machine, new Date()));
  console.log(`→ ${path.relative(ROOT, file)}`);
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
  console.log('  Runs the benchmarks (all, or the ones named) and writes docs/bench/NAME.md.');
  console.log('  --quick   small inputs and one run each, nothing written (what CI runs)\n');
  for (const benchmark of BENCHMARKS) console.log(`  ${benchmark.name.padEnd(12)} ${benchmark.summary}`);
}
