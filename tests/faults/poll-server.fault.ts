// Scripted attacks on the slides' poll server (`pnpm slides` starts it): bad votes and ballot stuffing from
// one address, while another phone still votes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSendFrom, loopbackRequest, postJson } from '../harness/loopback-request';
import { sendBadBodies, unclearAnswers } from './bad-bodies';
import { type FaultServer, startPollServer } from './fault-server';
import { MAX_RSS_GROWTH_BYTES } from './fault-soak';
import { describeRefusal, floodUntilRefused } from './publish-flood';

// Every attack plays several devices (127.0.0.2 and up); macOS has only 127.0.0.1 without an alias.
const LOOPBACK_ALIASES = await canSendFrom('127.0.0.2');

const HONEST_PHONE = '127.0.0.2';
const BAD_INPUT_SENDER = '127.0.0.3';
const STUFFER = '127.0.0.4';
/** The server's default: 250 devices per question and address, so a class of 200 behind one NAT fits. */
const DEVICES_PER_ADDRESS = 250;

interface PollQuestion {
  id: string;
  options: { id: string }[];
}

describe.skipIf(!LOOPBACK_ALIASES)('slides poll server', () => {
  let server: FaultServer;
  let rssAtStart: number | undefined;
  let question: PollQuestion;

  beforeAll(async () => {
    server = await startPollServer();
    rssAtStart = server.rssBytes();
    const poll = await loopbackRequest(`${server.url}/api/poll?deck=workshop`);
    const first = (JSON.parse(poll.body) as { questions: PollQuestion[] }).questions[0];
    if (!first) throw new Error(`The poll has no questions: ${poll.body}`);
    question = first;
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  function vote(deviceId: string) {
    return { deck: 'workshop', questionId: question.id, optionId: question.options[0]?.id, deviceId };
  }

  it('answers every bad vote with a 4xx and a JSON error, and still counts an honest one', async () => {
    const answers = await sendBadBodies(`${server.url}/api/poll/votes`, { from: BAD_INPUT_SENDER });
    const prototypeKeys = await postJson(`${server.url}/api/poll/votes`, vote('__proto__'), {
      from: BAD_INPUT_SENDER,
    });
    expect(unclearAnswers(answers), 'answers without a 4xx and a JSON error').toEqual([]);
    expect(prototypeKeys.status, 'a device called __proto__ is a device like any other').toBeLessThan(300);
    const honest = await postJson(`${server.url}/api/poll/votes`, vote('honest-phone'), {
      from: HONEST_PHONE,
    });
    expect(honest.status).toBeLessThan(300);
  });

  it('takes 250 made-up devices from one address and no more; another phone still votes', async () => {
    const stuffing = await floodUntilRefused(
      `${server.url}/api/poll/votes`,
      (index) => vote(`made-up-${index}`),
      { from: STUFFER, maxAttempts: DEVICES_PER_ADDRESS * 2 },
    );
    expect(stuffing.accepted).toBe(DEVICES_PER_ADDRESS);
    const refusal = describeRefusal(stuffing.refused);
    expect(refusal.status).toBe(429);
    expect(refusal.error).toMatch(/already voted with 250 devices/);
    const honest = await postJson(`${server.url}/api/poll/votes`, vote('second-phone'), {
      from: HONEST_PHONE,
    });
    expect(honest.status, 'another address still votes').toBeLessThan(300);
  });

  it('is alive after every attack, and its memory grew by less than 64 MB', () => {
    expect(server.isAlive, server.lastLines()).toBe(true);
    const rssNow = server.rssBytes();
    if (rssAtStart === undefined || rssNow === undefined) return;
    expect(rssNow - rssAtStart).toBeLessThan(MAX_RSS_GROWTH_BYTES);
  });
});
