import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardWatch } from './board-watch';
import type { BoardView } from './poll-events';

let stats: Server | undefined;
let asked = 0;
const watches: BoardWatch[] = [];

afterEach(async () => {
  for (const watch of watches.splice(0)) watch.stop();
  stats?.closeAllConnections();
  await new Promise((resolve) => stats?.close(resolve) ?? resolve(undefined));
  stats = undefined;
  asked = 0;
});

/** A board app whose /stats answers with `body()` each time. */
async function startStats(body: () => string): Promise<string> {
  stats = createServer((_request, response) => {
    asked += 1;
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(body());
  });
  await new Promise<void>((resolve) => stats?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(stats.address() as AddressInfo).port}/stats`;
}

function watchBoard(locate: () => { pageUrl: string; statsUrl: string } | undefined): BoardWatch {
  const watch = new BoardWatch({ locate, everyMs: 20 });
  watches.push(watch);
  return watch;
}

/** Resolves with the next view the watch reports. */
function nextView(watch: BoardWatch): Promise<BoardView> {
  return new Promise((resolve) => {
    const stop = watch.subscribe((view) => {
      stop();
      resolve(view);
    });
  });
}

/** Resolves once the stats server has been asked `count` more times. */
function askedMore(count: number): Promise<void> {
  const target = asked + count;
  return new Promise((resolve) => {
    stats?.on('request', () => {
      if (asked >= target) resolve();
    });
  });
}

describe('BoardWatch', () => {
  it('reports where the board is and its counts, and again only when they change', async () => {
    let ideas = 3;
    const statsUrl = await startStats(() => JSON.stringify({ sessions: 5, ideas }));
    const watch = watchBoard(() => ({ pageUrl: 'http://class/05/', statsUrl }));
    const seen: BoardView[] = [];
    watch.subscribe((view) => seen.push(view));
    const first = nextView(watch);
    watch.start();
    expect(await first).toEqual({ pageUrl: 'http://class/05/', ideas: 3, joined: 5 });

    await askedMore(2);
    expect(seen, 'no report while nothing changed').toHaveLength(1);
    ideas = 4;
    expect(await nextView(watch)).toMatchObject({ ideas: 4, joined: 5 });
  });

  it('shows nulls for a board that does not answer with counts, and does not report it again', async () => {
    const statsUrl = await startStats(() => '{"ideas": "many"}');
    const watch = watchBoard(() => ({ pageUrl: 'http://class/05/', statsUrl }));
    const seen: BoardView[] = [];
    watch.subscribe((view) => seen.push(view));
    watch.start();
    await askedMore(3);
    expect(seen).toEqual([{ pageUrl: 'http://class/05/', ideas: null, joined: null }]);
  });

  it('asks nothing while there is no board, and starts when one appears', async () => {
    const statsUrl = await startStats(() => JSON.stringify({ sessions: 1, ideas: 2 }));
    let location: { pageUrl: string; statsUrl: string } | undefined;
    let looked = 0;
    const watch = watchBoard(() => {
      looked += 1;
      return location;
    });
    const firstLooks = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (looked < 3) return;
        clearInterval(timer);
        resolve();
      }, 5);
    });
    watch.start();
    await firstLooks;
    expect(asked, 'no board, no request').toBe(0);
    expect(watch.view).toEqual({ pageUrl: '', ideas: null, joined: null });

    location = { pageUrl: 'http://laptop:8000/05/', statsUrl };
    expect(await nextView(watch)).toEqual({ pageUrl: 'http://laptop:8000/05/', ideas: 2, joined: 1 });
  });
});
