import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { NotificationFeed } from './notification-feed';
import { startTechniqueServers, type TechniqueId, type TechniqueServer } from './technique-servers';

let servers: TechniqueServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function start(): Promise<{ feed: NotificationFeed; url: (id: TechniqueId) => string }> {
  const feed = new NotificationFeed(60_000);
  ({ servers } = await startTechniqueServers(feed, '127.0.0.1', ['http://localhost:3600']));
  const url = (id: TechniqueId) => `http://127.0.0.1:${servers.find((server) => server.id === id)?.port}`;
  return { feed, url };
}

function technique(id: TechniqueId): TechniqueServer {
  const found = servers.find((server) => server.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('the technique servers', () => {
  it('short polling answers at once, and counts an answer without news as one for nothing', async () => {
    const { feed, url } = await start();
    expect(await (await fetch(`${url('short-polling')}/notifications?since=0`)).json()).toEqual([]);
    const published = feed.publish();
    expect(await (await fetch(`${url('short-polling')}/notifications?since=0`)).json()).toEqual([published]);
    expect(technique('short-polling')).toMatchObject({ requests: 2, emptyAnswers: 1 });
    expect(technique('short-polling').meter.bytes).toBeGreaterThan(0);
  });

  it('long polling holds the request until the next notification', async () => {
    const { feed, url } = await start();
    const answer = fetch(`${url('long-polling')}/updates?since=0`).then((response) => response.json());
    await expect.poll(() => technique('long-polling').meter.openConnections).toBe(1);
    const published = feed.publish();
    expect(await answer).toEqual([published]);
    expect(technique('long-polling').emptyAnswers).toBe(0);
  });

  it('SSE and WebSocket deliver each notification on their one open connection', async () => {
    const { feed, url } = await start();
    const sseText = new Promise<string>((resolve) => {
      get(`${url('sse')}/events`, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('event: notification')) {
            response.destroy();
            resolve(text);
          }
        });
      });
    });
    const socket = new WebSocket(url('websocket').replace('http', 'ws'));
    const wsMessage = new Promise<string>((resolve) =>
      socket.once('message', (data) => resolve(String(data))),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    await expect.poll(() => technique('sse').meter.openConnections).toBe(1);
    const published = feed.publish();
    expect(await sseText).toContain(`data: ${JSON.stringify(published)}`);
    expect(JSON.parse(await wsMessage)).toEqual(published);
    expect(technique('websocket').requests).toBe(1);
    socket.close();
  });
});
