// A client that stops reading its event stream, and a flood that shows whether the server cuts it off
// (backpressure) instead of buffering for it without end. Used against the reference (reference.spec.ts) and
// your server (task.spec.ts).
import type { Socket } from 'node:net';
import { expect } from '@playwright/test';
import { openStalledSocket } from '../harness/stalled-socket';
import type { StreamCapture } from './event-stream-reader';
import { publish, uniqueTitle } from './notification-publisher';

/** The server's open event streams, from its GET /stats. */
export async function openStreams(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/stats`);
  return ((await response.json()) as { openStreams: number }).openStreams;
}

/** A client that receives the stream's headers and then never reads again, like a frozen phone. */
export function openStalledStream(httpUrl: string): Promise<Socket> {
  return openStalledSocket(httpUrl, 'GET /sse HTTP/1.1', ['Accept: text/event-stream'], 200);
}

/**
 * Publishes notifications of about 1 kB in batches of 20 that `reader` takes in each time, so only a stalled
 * client falls behind, until the open streams drop below `streamsBefore` or 16 MB went out: the kernel's socket
 * buffers (a few MB on loopback) and the server's maxBufferedBytes fill long before. Resolves with the open
 * streams at the end.
 */
export async function floodUntilStreamCutOff(
  baseUrl: string,
  reader: StreamCapture,
  streamsBefore: number,
): Promise<number> {
  const tag = uniqueTitle('flood');
  const batchSize = 20;
  const maxBatches = 800;
  const message = 'x'.repeat(950);
  const deliveredCount = () =>
    reader.events.filter((event) => event.type === 'notification' && event.data.includes(`"title":"${tag} `))
      .length;
  let batches = 0;
  let streams = streamsBefore;
  while (streams === streamsBefore && batches < maxBatches) {
    const titles = Array.from({ length: batchSize }, (_, offset) => `${tag} ${batches * batchSize + offset}`);
    const answers = await Promise.all(titles.map((title) => publish(baseUrl, { title, message })));
    expect(answers.map((answer) => answer.status)).toEqual(titles.map(() => 201));
    batches += 1;
    await expect
      .poll(deliveredCount, {
        message: 'the reading client gets every notification',
        intervals: [10, 20, 50],
      })
      .toBe(batches * batchSize);
    streams = await openStreams(baseUrl);
  }
  return streams;
}
