import { performance } from 'node:perf_hooks';

export interface TimingOptions {
  /** Untimed runs first, so the JIT has compiled the code before we measure it. */
  warmUpRuns: number;
  timedRuns: number;
}

/** Runs `work` several times and returns the median duration in milliseconds (robust against one slow run). */
export function medianMilliseconds(work: () => void, { warmUpRuns, timedRuns }: TimingOptions): number {
  for (let run = 0; run < warmUpRuns; run += 1) work();
  const durations: number[] = [];
  for (let run = 0; run < timedRuns; run += 1) {
    const start = performance.now();
    work();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)] ?? Number.NaN;
}
