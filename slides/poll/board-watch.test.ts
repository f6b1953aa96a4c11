import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardWatch } from './board-watch';
import type { BoardView } from './poll-events';

let stats: Server | undefined;
let watch: BoardWatch | undefined;

afterEach(async () => {
  watch?.stop();
  stats?.closeAllConnections();
  await new Promise((resolve) => stats?.close(resolve) ?? resolve(undefined));
  stats = undefined;
});

/** A board app whose /stats answers with `body()` each time. */
async function startStats(body: () => string): Promise<string> {
  stats = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(body());
  });
  await new Promise<void>((resolve) => stats?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(stats.address() as AddressInfo).port}/stats`;
}

/** Resolves with the next view the watch reports. */
function nextView(current: BoardWatch): Promise<BoardView> {
  return new Promise((resolve) => {
    const stop = current.subscribe((view) => {
      stop();
      resolve(view);
    });
  });
}

describe('BoardWatch', () => {
  it('reports the board’s counts, and again only when they change', async () => {
    let ideas = 3;
    const statsUrl = await startStats(() => JSON.stringify({ sessions: 5, ideas }));
    watch = new BoardWatch({ pageUrl: 'http://class/05/', statsUrl, everyMs: 20 });
    const seen: BoardView[] = [];
    watch.subscribe((view) => seen.push(view));
    const first = nextView(watch);
    watch.start();
    expect(await first).toEqual({ pageUrl: 'http://class/05/', ideas: 3, joined: 5 });

    ideas = 4;
    expect(await nextView(watch)).toMatchObject({ ideas: 4, joined: 5 });
    expect(
      seen.map((view) => view.ideas),
      'no report while nothing changed',
    ).toEqual([3, 4]);
  });

  it('shows nulls for a board that does not answer with counts', async () => {
    const statsUrl = await startStats(() => '{"ideas": "many"}');
    watch = new BoardWatch({ pageUrl: 'http://class/05/', statsUrl, everyMs: 20 });
    expect(watch.view).toEqual({ pageUrl: 'http://class/05/', ideas: null, joined: null });
    const unreachable = new BoardWatch({ pageUrl: 'p', statsUrl: 'http://127.0.0.1:1/stats', everyMs: 20 });
    unreachable.subscribe(() => expect.fail('a board that never answered has not changed'));
    unreachable.start();
    watch.subscribe(() => expect.fail('an answer without counts is no change'));
    watch.start();
    // Two more rounds of both: the first answers have come and gone without a report.
    const statsAsked = new Promise<void>((resolve) => {
      let asked = 0;
      stats?.on('request', () => {
        asked += 1;
        if (asked === 2) resolve();
      });
    });
    await statsAsked;
    unreachable.stop();
    expect(watch.view.ideas).toBeNull();
  });
});
