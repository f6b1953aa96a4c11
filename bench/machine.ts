import { cpus, totalmem } from 'node:os';

/** The line every benchmark report starts with: numbers mean little without the machine they came from. */
export function describeMachine(): string {
  const processors = cpus();
  const model = processors[0]?.model.trim() ?? 'unknown CPU';
  const memoryGiB = Math.round(totalmem() / 1024 ** 3);
  return `${model} · ${processors.length} cores · ${memoryGiB} GiB · Node ${process.version} · ${process.platform}/${process.arch}`;
}
