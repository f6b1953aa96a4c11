import type { BenchOptions, BenchReport } from './bench-report';
import { runClassRoomBench } from './class-room.bench';
import { runSseParserBench } from './sse-parser.bench';
import { runTechniqueCostBench } from './technique-cost.bench';

export interface Benchmark {
  name: string;
  /** One line for `pnpm bench --help`. */
  summary: string;
  run(options: BenchOptions): BenchReport | Promise<BenchReport>;
}

export const BENCHMARKS: Benchmark[] = [
  {
    name: 'sse-parser',
    summary: "exercise 03's SSE parser against eventsource-parser (long lines, many events, CRLF)",
    run: runSseParserBench,
  },
  {
    name: 'class-room',
    summary:
      'a room on pnpm class: students with a long poll, an SSE stream, a chat WebSocket and the idea board each',
    run: runClassRoomBench,
  },
  {
    name: 'technique-cost',
    summary: 'what one delivered notification costs with each technique, measured by the arena (pnpm arena)',
    run: runTechniqueCostBench,
  },
];
