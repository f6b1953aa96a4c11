import type { BenchOptions, BenchReport } from './bench-report';
import { runClassRoomBench } from './class-room.bench';
import { runFanOutBench } from './fan-out.bench';
import { runScaleOutBench } from './scale-out.bench';
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
  {
    name: 'fan-out',
    summary:
      "04's chat, 03's SSE feed and 05's broker against a bare loop and Socket.IO, doing the same fan-out",
    run: runFanOutBench,
  },
  {
    name: 'scale-out',
    summary:
      "05's broker, 1, 2 and 4 of them on one Redis, 10,000 subscribers, the publish rate doubling until p99 > 100 ms",
    run: runScaleOutBench,
  },
];
