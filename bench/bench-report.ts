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
}

export interface BenchOptions {
  /** CI's smoke run: small inputs, one timed run, nothing written. Proves the benchmark works, not how fast. */
  quick: boolean;
}
