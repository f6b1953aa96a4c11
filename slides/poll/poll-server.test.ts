import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { type ClientRequest, createServer, get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPollServer, type PollServer, type PollServerOptions } from './poll-server';

let server: PollServer | undefined;
let baseUrl = '';

async function start(options: Partial<PollServerOptions> = {}): Promise<PollServer> {
  server = createPollServer({
    publicHost: 'poll.test',
    buildVoteScripts: async () => ({ 'vote.js': 'console.log("vote")', 'countdown.js': 'export {}' }),
    ...options,
  });
  const { port } = await server.listen(0);
  baseUrl = `http://localhost:${port}`;
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

/** An event stream as the slides open it, read by hand: the response and the text so far. */
function openStream(
  query = '?deck=workshop',
  localAddress?: string,
): Promise<{
  request: ClientRequest;
  response: IncomingMessage;
  text: () => string;
  until: (pattern: RegExp) => Promise<void>;
}> {
  return new Promise((resolve, reject) => {
    // By IP, not `localhost`: a request from 127.0.0.2 cannot reach the server on ::1.
    const url = `${baseUrl.replace('localhost', '127.0.0.1')}/api/poll/events${query}`;
    const request = get(url, { localAddress }, (response) => {
      let text = '';
      const waiting = new Set<() => void>();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        for (const check of waiting) check();
      });
      response.on('error', () => {});
      resolve({
        request,
        response,
        text: () => text,
        until: (pattern) =>
          new Promise<void>((done) => {
            const check = () => {
              if (pattern.test(text)) {
                waiting.delete(check);
                done();
              }
            };
            waiting.add(check);
            check();
          }),
      });
    });
    request.on('error', reject);
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 100 && !condition(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: string }).error;
}

function postVote(body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/poll/votes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('poll server', () => {
  it('sends the vote URL, the questions and the counts as the first event of a stream', async () => {
    await start();
    const stream = await openStream('?deck=pubsub');
    await stream.until(/event: poll\n[\s\S]*?\n\n/);
    // The first event after the `retry:` line; its one data line holds the JSON.
    const [, firstEvent = ''] = stream.text().split('\n\n');
    expect(firstEvent).toMatch(/^event: poll$/m);
    const hello = JSON.parse(/^data: (.*)$/m.exec(firstEvent)?.[1] ?? 'null');
    expect(hello.voteUrl).toMatch(/^http:\/\/poll\.test:\d+\/vote\?deck=pubsub$/);
    expect(hello.questions.map((question: { id: string }) => question.id)).toEqual([
      'studip-use',
      'missed-live',
      'websocket',
      'sse',
      'pubsub',
      'opinion-websocket',
      'opinion-sse',
      'opinion-pubsub',
    ]);
    expect(hello.tallies.pubsub).toEqual({ used: 0, seen: 0, never: 0 });
    stream.request.destroy();
  });

  it('removes the listener of a stream the client aborts', async () => {
    const poll = await start();
    const stream = await openStream();
    await stream.until(/event: poll/);
    expect(poll.store('workshop').listenerCount).toBe(1);
    expect(poll.openStreams).toBe(1);
    stream.request.destroy();
    await until(() => poll.store('workshop').listenerCount === 0);
    expect(poll.store('workshop').listenerCount).toBe(0);
    expect(poll.openStreams).toBe(0);
  });

  it('answers 503 with a JSON error beyond maxStreams, and takes streams again when one closes', async () => {
    const poll = await start({ maxStreams: 2, isPresenter: () => false });
    const first = await openStream();
    const second = await openStream();
    const refused = await fetch(`${baseUrl}/api/poll/events?deck=workshop`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(await errorOf(refused)).toMatch(/already serves 2 event streams/);
    first.request.destroy();
    await until(() => poll.openStreams === 1);
    const third = await openStream();
    expect(third.response.statusCode).toBe(200);
    second.request.destroy();
    third.request.destroy();
  });

  it('lets one address hold maxStreamsPerAddress streams; the presenter gets in when the room is full', async () => {
    // 127.0.0.2 and 127.0.0.3 play phones in the room; 127.0.0.1 is the presenter's laptop.
    await start({
      maxStreams: 2,
      maxStreamsPerAddress: 1,
      isPresenter: (address) => address.endsWith('127.0.0.1'),
    });
    const phone = await openStream('?deck=workshop', '127.0.0.2');
    expect(phone.response.statusCode).toBe(200);
    const sameAddress = await openStream('?deck=workshop', '127.0.0.2');
    expect(sameAddress.response.statusCode).toBe(429);
    const otherPhone = await openStream('?deck=workshop', '127.0.0.3');
    expect(otherPhone.response.statusCode).toBe(200);
    const roomFull = await openStream('?deck=workshop', '127.0.0.4');
    expect(roomFull.response.statusCode, 'the room holds maxStreams').toBe(503);
    const presenter = await openStream('?deck=workshop', '127.0.0.1');
    expect(presenter.response.statusCode, 'the slides always get their stream').toBe(200);
    await presenter.until(/event: poll/);
    for (const stream of [phone, sameAddress, otherPhone, roomFull, presenter]) stream.request.destroy();
  });

  it('takes votes of maxDevicesPerAddress devices per question from one address, and changed votes', async () => {
    await start({ maxDevicesPerAddress: 2 });
    const vote = { deck: 'workshop', questionId: 'sse', optionId: 'used' };
    expect((await postVote({ ...vote, deviceId: 'device-aaa' })).status).toBe(200);
    expect((await postVote({ ...vote, deviceId: 'device-bbb' })).status).toBe(200);
    const refused = await postVote({ ...vote, deviceId: 'device-ccc' });
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toMatch(/Your address already voted with 2 devices/);
    const changed = await postVote({ ...vote, deviceId: 'device-aaa', optionId: 'seen' });
    expect(changed.status, 'a device that voted may change its vote').toBe(200);
  });

  it('answers HEAD on the event stream at once, without holding a stream open', async () => {
    const poll = await start();
    const response = await fetch(`${baseUrl}/api/poll/events?deck=workshop`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(2000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(poll.openStreams).toBe(0);
    expect(poll.store('workshop').listenerCount).toBe(0);
  });

  it('refuses a stream or a question list without a known deck', async () => {
    await start();
    for (const query of ['', '?deck=other']) {
      const events = await fetch(`${baseUrl}/api/poll/events${query}`);
      expect(events.status).toBe(400);
      expect(await errorOf(events)).toMatch(/deck=.*workshop, pubsub/);
      expect((await fetch(`${baseUrl}/api/poll${query}`)).status).toBe(400);
    }
  });

  it('keeps the talks apart: their own questions and their own votes', async () => {
    const poll = await start();
    const vote = { questionId: 'sse', optionId: 'used', deviceId: 'device-123' };
    expect((await postVote({ deck: 'pubsub', ...vote })).status).toBe(200);
    expect(poll.store('pubsub').tally('sse')).toEqual({ used: 1, seen: 0, never: 0 });
    expect(poll.store('workshop').tally('sse')).toEqual({ used: 0, seen: 0, never: 0 });
    // The mood poll is the workshop's; the pub/sub talk does not ask it.
    const mood = await postVote({
      deck: 'pubsub',
      questionId: 'mood',
      optionId: 'okay',
      deviceId: 'device-123',
    });
    expect(mood.status).toBe(400);
    expect(await errorOf(mood)).toMatch(/no question "mood"/);
    const list = (await (await fetch(`${baseUrl}/api/poll?deck=workshop`)).json()) as {
      voteUrl: string;
      questions: Array<{ id: string }>;
    };
    expect(list.voteUrl).toMatch(/\/vote\?deck=workshop$/);
    expect(list.questions[0]?.id).toBe('mood');
  });

  it('answers 429 with a JSON error when a question has maxDevicesPerQuestion devices', async () => {
    await start({ maxDevicesPerQuestion: 1 });
    const vote = { deck: 'workshop', questionId: 'sse', optionId: 'used' };
    expect((await postVote({ ...vote, deviceId: 'device-aaa' })).status).toBe(200);
    const refused = await postVote({ ...vote, deviceId: 'device-bbb' });
    expect(refused.status).toBe(429);
    expect(await errorOf(refused)).toMatch(/already has votes from 1 devices/);
  });

  it('keeps each talk in its own file in dataDir', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'poll-data-'));
    await start({ dataDir, saveDelayMs: 10 });
    await postVote({ deck: 'pubsub', questionId: 'pubsub', optionId: 'seen', deviceId: 'device-123' });
    await server?.close();
    server = undefined;
    expect(JSON.parse(readFileSync(path.join(dataDir, 'pubsub.json'), 'utf8'))).toEqual({
      pubsub: { 'device-123': 'seen' },
    });
    expect(existsSync(path.join(dataDir, 'workshop.json'))).toBe(false);
    const again = await start({ dataDir });
    expect(again.store('pubsub').tally('pubsub')).toEqual({ used: 0, seen: 1, never: 0 });
  });

  it('survives a vote page script that does not build: logged once, 500 for the script, no crash', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Without a handler this rejection would be unhandled, which ends a Node process (and fails this test).
    await start({ buildVoteScripts: () => Promise.reject(new Error('vite is missing')) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not be built: vite is missing/));
    const script = await fetch(`${baseUrl}/vote/vote.js`);
    expect(script.status).toBe(500);
    expect(await errorOf(script)).toMatch(/could not be built/);
    expect((await fetch(`${baseUrl}/api/poll?deck=workshop`)).ok).toBe(true);
  });

  it('serves the vote page and its two scripts; another name under /vote/ is 404', async () => {
    await start();
    expect(await (await fetch(`${baseUrl}/vote?deck=workshop`)).text()).toContain(
      '<script type="module" src="vote/vote.js">',
    );
    expect(await (await fetch(`${baseUrl}/vote/countdown.js`)).text()).toBe('export {}');
    expect((await fetch(`${baseUrl}/vote/other.js`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/vote/constructor`)).status, 'a name off the object prototype').toBe(404);
    const slash = await fetch(`${baseUrl}/vote/?deck=pubsub`, { redirect: 'manual' });
    expect(slash.status, '/vote/ would point the relative URLs one folder too deep').toBe(301);
    expect(slash.headers.get('location')).toBe('/vote?deck=pubsub');
  });
});

function postStage(path: 'slide' | 'break', body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/poll/stage/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The data of every `event: stage` a stream has received so far. */
function stageEvents(text: string): Array<{ questions: string[] | null; breakEndsAt: number | null }> {
  return [...text.matchAll(/^event: stage\n(?:id: .*\n)?data: (.*)$/gm)].map((match) =>
    JSON.parse(match[1] ?? 'null'),
  );
}

describe("poll server: the presenter's stage", () => {
  it("sends the slide's questions and the break to every stream of the talk, and in the hello of a new one", async () => {
    await start();
    const phone = await openStream('?deck=workshop');
    const otherTalk = await openStream('?deck=pubsub');
    await phone.until(/event: poll/);
    const hello = JSON.parse(/^data: (.*)$/m.exec(phone.text().split('\n\n')[1] ?? '')?.[1] ?? 'null');
    expect(hello.stage).toMatchObject({ questions: null, breakEndsAt: null });

    expect((await postStage('slide', { deck: 'workshop', questions: ['mood'] })).status).toBe(200);
    await phone.until(/event: stage/);
    expect(stageEvents(phone.text())).toEqual([
      expect.objectContaining({ questions: ['mood'], breakEndsAt: null }),
    ]);

    const before = Date.now();
    const started = await postStage('break', { deck: 'workshop', minutes: 10 });
    expect(started.status).toBe(200);
    const { breakEndsAt, serverNow } = (await started.json()) as { breakEndsAt: number; serverNow: number };
    // serverNow is read as the answer is sent, a moment after the break started: ten minutes, minus that moment.
    expect(breakEndsAt - serverNow).toBeLessThanOrEqual(600_000);
    expect(breakEndsAt - serverNow).toBeGreaterThan(590_000);
    expect(serverNow).toBeGreaterThanOrEqual(before);
    await phone.until(/event: stage[\s\S]*event: stage/);
    expect(stageEvents(phone.text())[1]).toMatchObject({ questions: ['mood'], breakEndsAt });

    // A phone that reloads gets the running break in its hello.
    const reloaded = await openStream('?deck=workshop');
    await reloaded.until(/event: poll/);
    const again = JSON.parse(/^data: (.*)$/m.exec(reloaded.text().split('\n\n')[1] ?? '')?.[1] ?? 'null');
    expect(again.stage).toMatchObject({ questions: ['mood'], breakEndsAt });

    expect((await postStage('break', { deck: 'workshop', minutes: 0 })).status).toBe(200);
    await phone.until(/(event: stage[\s\S]*){3}/);
    expect(stageEvents(phone.text())[2]).toMatchObject({ breakEndsAt: null });
    expect(stageEvents(otherTalk.text()), "the other talk saw the workshop's stage").toEqual([]);
    for (const stream of [phone, otherTalk, reloaded]) stream.request.destroy();
  });

  it('refuses the stage to anyone but the presenter, and bad reports with a reason', async () => {
    await start({ isPresenter: () => false });
    for (const path of ['slide', 'break'] as const) {
      const refused = await postStage(path, { deck: 'workshop', questions: [], minutes: 5 });
      expect(refused.status).toBe(403);
      expect(await errorOf(refused)).toMatch(/Only the presenter/);
    }
    await server?.close();
    await start();
    const unknown = await postStage('slide', { deck: 'pubsub', questions: ['mood'] });
    expect(unknown.status).toBe(400);
    expect(await errorOf(unknown)).toMatch(/talk "pubsub" has no question "mood"/);
    const tooLong = await postStage('break', { deck: 'workshop', minutes: 600 });
    expect(tooLong.status).toBe(400);
    expect(await errorOf(tooLong)).toMatch(/from 0 \(ends the break\) to 60/);
    const notJson = await fetch(`${baseUrl}/api/poll/stage/break`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"deck":',
    });
    expect(notJson.status).toBe(400);
    expect(await errorOf(notJson)).toMatch(/not valid JSON/);
  });
});

describe('poll server: mounted under a path, and relayed to (the class server)', () => {
  const KEY = 'the-instructors-key';
  let classHttp: ReturnType<typeof createServer> | undefined;
  let classPoll: PollServer | undefined;

  afterEach(async () => {
    await classPoll?.close();
    classHttp?.closeAllConnections();
    await new Promise((resolve) => (classHttp ? classHttp.close(resolve) : resolve(undefined)));
    classPoll = undefined;
    classHttp = undefined;
  });

  /** The class server's poll at /poll, where only the key makes a presenter. */
  async function startClassPoll(): Promise<string> {
    classPoll = createPollServer({
      presenterKey: KEY,
      isPresenter: () => false,
      buildVoteScripts: async () => ({ 'vote.js': 'console.log("vote")', 'countdown.js': 'export {}' }),
    });
    const app = express();
    app.use('/poll', classPoll.mount());
    classHttp = createServer(app);
    await new Promise<void>((resolve) => classHttp?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(classHttp.address() as AddressInfo).port}`;
  }

  it('names the vote page under the address and path each request used, and takes the stage only with the key', async () => {
    const classUrl = await startClassPoll();
    const info = (await (await fetch(`${classUrl}/poll/api/poll?deck=workshop`)).json()) as {
      voteUrl: string;
    };
    expect(info.voteUrl).toBe(`${classUrl}/poll/vote?deck=workshop`);
    const page = await (await fetch(`${classUrl}/poll/vote?deck=workshop`)).text();
    expect(page, 'the page loads its script relative to /poll/vote').toContain('src="vote/vote.js"');
    expect((await fetch(`${classUrl}/poll/vote/vote.js`)).status).toBe(200);
    const stage = (key?: string) =>
      fetch(`${classUrl}/poll/api/poll/stage/break`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ deck: 'workshop', minutes: 5 }),
      });
    expect((await stage()).status, 'a phone started the break').toBe(403);
    expect((await stage('a-wrong-key')).status).toBe(403);
    expect((await stage(KEY)).status).toBe(200);
  });

  it('passes the talk on to the class server: votes, counts, the stream and (with the key) the stage', async () => {
    const classUrl = await startClassPoll();
    await start({ relay: () => ({ baseUrl: `${classUrl}/poll`, key: KEY }) });
    expect(
      (await postVote({ deck: 'workshop', questionId: 'mood', optionId: 'okay', deviceId: 'device-123' }))
        .status,
    ).toBe(200);
    expect(classPoll?.store('workshop').tally('mood')).toEqual({ ready: 0, okay: 1, coffee: 0 });
    expect(server?.store('workshop').tally('mood'), 'the laptop kept a vote of its own').toEqual({
      ready: 0,
      okay: 0,
      coffee: 0,
    });
    const stream = await openStream('?deck=workshop');
    await stream.until(/event: poll/);
    expect(stream.text(), "the slides got the class server's vote URL").toContain(
      `${classUrl}/poll/vote?deck=workshop`,
    );
    const started = await fetch(`${baseUrl}/api/poll/stage/break`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ deck: 'workshop', minutes: 10 }),
    });
    expect(started.status).toBe(200);
    await stream.until(/event: stage/);
    stream.request.destroy();
    await until(() => classPoll?.openStreams === 0);
    expect(classPoll?.openStreams, 'the relayed stream stayed open on the class server').toBe(0);
  });

  it('adds the key only for the presenter: a phone that reaches the laptop cannot start the break', async () => {
    const classUrl = await startClassPoll();
    await start({ relay: () => ({ baseUrl: `${classUrl}/poll`, key: KEY }), isPresenter: () => false });
    const refused = await fetch(`${baseUrl}/api/poll/stage/break`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guessed' },
      body: JSON.stringify({ deck: 'workshop', minutes: 60 }),
    });
    expect(refused.status).toBe(403);
  });

  it("ends the slides' stream when the class server goes away, so the browser reconnects", async () => {
    const classUrl = await startClassPoll();
    await start({ relay: () => ({ baseUrl: `${classUrl}/poll`, key: KEY }) });
    const stream = await openStream('?deck=workshop');
    await stream.until(/event: poll/);
    const ended = new Promise((resolve) => stream.response.once('close', resolve));
    classHttp?.closeAllConnections();
    await ended;
    expect(stream.response.complete, 'the relay ended a cut stream as if it were complete').toBe(false);
  });

  it('answers 502 with a JSON error while the class server does not answer', async () => {
    await start({ relay: () => ({ baseUrl: 'http://127.0.0.1:9/poll' }) });
    const response = await fetch(`${baseUrl}/api/poll?deck=workshop`);
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toMatch(
      /The class server's poll \(http:\/\/127\.0\.0\.1:9\/poll\) does not answer/,
    );
  });
});
