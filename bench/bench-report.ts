/** What one benchmark found: written to docs/bench/NAME.md by `pnpm bench`, printed by `pnpm bench --quick`. */
export interface BenchReport {
  /** File name in docs/bench/, e.g. "sse-parser". */
  name: string;
  title: string;
  /** What was measured and how, in a sentence or two. */
  method: string;
  /** The first row is the header. */
  table: string[][];
  /** Goals and whether they were met, one line each. */
  verdicts: string[];
  /** Bar charts, written beside the report as docs/bench/NAME-ID.svg and shown in it. */
  charts?: BenchChart[];
}

/** A grouped bar chart: one group of bars per entry of `groups`, one bar per series in each group. */
export interface BenchChart {
  /** The file is docs/bench/NAME-ID.svg, e.g. "bytes" → technique-cost-bytes.svg. */
  id: string;
  title: string;
  /** What the bars measure, e.g. "bytes per delivered notification". */
  unit: string;
  /** The x axis, e.g. ["100 clients", "1,000 clients"]. */
  groups: string[];
  /** One value per group; null where nothing was measured. */
  series: Array<{ name: string; values: Array<number | null> }>;
  /** `log` when the values span orders of magnitude (default `linear`). */
  scale?: 'linear' | 'log';
}

export interface BenchOptions {
  /** CI's smoke run: small inputs, one timed run, nothing written. Proves the benchmark works, not how fast. */
  quick: boolean;
}
