import { describe, expect, it, vi } from 'vitest';
import type { BrokerMessage, ChannelMessage } from '../protocol/messages';
import type { BrokerEngine } from './broker-engine';
import { ChannelHub, type Subscriber } from './channel-hub';
import { createMemoryEngine } from './memory-engine';

function fakeSubscriber(name: string, channels = ['ideas', 'round']): Subscriber & { got: BrokerMessage[] } {
  const got: BrokerMessage[] = [];
  return {
    connectionId: `c-${name}`,
    member: { id: name, name },
    allowedChannels: new Set(channels),
    got,
    send: (m) => got.push(m),
    close: () => {},
  };
}

function setup() {
  const engine = createMemoryEngine({ historySize: 10 });
  const hub = new ChannelHub(engine);
  return { engine, hub };
}

describe('ChannelHub', () => {
  it('fans a message out to the subscribers of its channel only', async () => {
    const { engine, hub } = setup();
    const [ada, bob, cyd] = [fakeSubscriber('ada'), fakeSubscriber('bob'), fakeSubscriber('cyd')];
    for (const subscriber of [ada, bob, cyd]) hub.connect(subscriber);
    await hub.subscribe(ada, 'ideas');
    await hub.subscribe(bob, 'ideas');
    await hub.subscribe(cyd, 'round');
    const published = await engine.publish('ideas', 'idea.created', { text: 'hi' });
    for (const subscriber of [ada, bob]) expect(subscriber.got.at(-1)).toEqual(published);
    expect(cyd.got.filter((m) => m.type === 'message')).toEqual([]);
  });

  it('refuses channels the token does not allow, and doubles', async () => {
    const { hub } = setup();
    const ada = fakeSubscriber('ada', ['ideas']);
    hub.connect(ada);
    await hub.subscribe(ada, 'secret');
    await hub.subscribe(ada, 'ideas');
    await hub.subscribe(ada, 'ideas');
    const errors = ada.got.filter((m) => m.type === 'error');
    expect(errors.map((m) => m.type === 'error' && m.code)).toEqual(['forbidden', 'bad-command']);
    expect(hub.subscriberCounts()).toEqual({ ideas: 1 });
  });

  it('counts a channel named "__proto__" like any other', async () => {
    const { hub } = setup();
    const ada = fakeSubscriber('ada', ['__proto__']);
    hub.connect(ada);
    await hub.subscribe(ada, '__proto__');
    expect(Object.keys(hub.subscriberCounts())).toEqual(['__proto__']);
  });

  it('tells everyone on the channel who joins and leaves, and lists who is there', async () => {
    const { hub } = setup();
    const [ada, bob] = [fakeSubscriber('ada'), fakeSubscriber('bob')];
    hub.connect(ada);
    hub.connect(bob);
    await hub.subscribe(ada, 'ideas');
    await hub.subscribe(bob, 'ideas');
    const subscribed = bob.got.find((m) => m.type === 'subscribed');
    expect(subscribed?.type === 'subscribed' && subscribed.presence.map((e) => e.member.name)).toEqual([
      'ada',
      'bob',
    ]);
    expect(ada.got).toContainEqual({
      type: 'presence',
      channel: 'ideas',
      action: 'join',
      entry: { connectionId: 'c-bob', member: { id: 'bob', name: 'bob' } },
    });
    await hub.disconnect(bob);
    expect(ada.got.at(-1)).toMatchObject({
      type: 'presence',
      action: 'leave',
      entry: { connectionId: 'c-bob' },
    });
    expect(hub.subscriberCounts()).toEqual({ ideas: 1 });
    expect(hub.connectionCount).toBe(1);
  });

  it('replays what a subscriber missed, then live messages, none twice', async () => {
    const { engine, hub } = setup();
    const first = await engine.publish('ideas', 'n', 1);
    await engine.publish('ideas', 'n', 2);
    await engine.publish('round', 'n', 'other channel');
    await engine.publish('ideas', 'n', 3);
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    await hub.subscribe(ada, 'ideas', first.id);
    await engine.publish('ideas', 'n', 4);
    const data = ada.got.filter((m) => m.type === 'message').map((m) => m.type === 'message' && m.data);
    expect(data).toEqual([2, 3, 4]);
  });

  it('forgets a subscriber completely when it disconnects', async () => {
    const { engine, hub } = setup();
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    await hub.subscribe(ada, 'ideas');
    await hub.subscribe(ada, 'round');
    await hub.disconnect(ada);
    expect(hub.subscriberCounts()).toEqual({});
    expect(await engine.presence('ideas')).toEqual([]);
    const before = ada.got.length;
    await engine.publish('ideas', 'n', 1);
    expect(ada.got.length).toBe(before);
  });
});

/** The memory engine, but `history` waits until the test lets it go: live messages arrive meanwhile. */
function slowHistoryEngine() {
  const engine = createMemoryEngine({ historySize: 10 });
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const slow: BrokerEngine = {
    ...engine,
    async history(channel, since) {
      const result = await engine.history(channel, since);
      await gate;
      return result;
    },
  };
  return { engine: slow, release };
}

function messageData(subscriber: { got: BrokerMessage[] }): unknown[] {
  return subscriber.got.filter((m) => m.type === 'message').map((m) => m.type === 'message' && m.data);
}

describe('ChannelHub while a subscriber is replaying', () => {
  it('holds live messages back until the missed ones are out, and sends none twice', async () => {
    const { engine, release } = slowHistoryEngine();
    const hub = new ChannelHub(engine);
    const seen = await engine.publish('ideas', 'n', 1);
    await engine.publish('ideas', 'n', 2);
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    const subscribing = hub.subscribe(ada, 'ideas', seen.id);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Published after the history was read: it is live only, and must come after 2, not before it.
    await engine.publish('ideas', 'n', 3);
    expect(messageData(ada), 'nothing before the replay').toEqual([]);
    release();
    await subscribing;
    await engine.publish('ideas', 'n', 4);
    expect(messageData(ada)).toEqual([2, 3, 4]);
  });

  it('drops a message that is in the history and also arrived live during the replay', async () => {
    const engine = createMemoryEngine({ historySize: 10 });
    let publishDuringJoin = true;
    const racing: BrokerEngine = {
      ...engine,
      async join(channel, entry) {
        await engine.join(channel, entry);
        // Published while the subscriber joins: in the history it reads next, and live in its queue.
        if (publishDuringJoin) await engine.publish('ideas', 'n', 'both');
        publishDuringJoin = false;
      },
    };
    const hub = new ChannelHub(racing);
    const seen = await engine.publish('ideas', 'n', 'seen');
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    await hub.subscribe(ada, 'ideas', seen.id);
    expect(messageData(ada)).toEqual(['both']);
  });

  it('drops a message that arrives live after the history already sent it (Redis delivers it later)', async () => {
    const engine = createMemoryEngine({ historySize: 10 });
    const listeners: Array<(message: ChannelMessage) => void> = [];
    // Publishes go into the history at once; the live delivery comes when the test says so.
    const lateDelivery: BrokerEngine = { ...engine, onMessage: (listener) => listeners.push(listener) };
    const hub = new ChannelHub(lateDelivery);
    const seen = await engine.publish('ideas', 'n', 'seen');
    const late = await engine.publish('ideas', 'n', 'late');
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    await hub.subscribe(ada, 'ideas', seen.id);
    for (const listener of listeners) listener(late);
    expect(messageData(ada)).toEqual(['late']);
  });

  it('subscribe, unsubscribe, subscribe in a row: each message once', async () => {
    const { engine, release } = slowHistoryEngine();
    const hub = new ChannelHub(engine);
    const seen = await engine.publish('ideas', 'n', 1);
    await engine.publish('ideas', 'n', 2);
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    const first = hub.subscribe(ada, 'ideas', seen.id);
    await hub.unsubscribe(ada, 'ideas');
    const second = hub.subscribe(ada, 'ideas', seen.id);
    release();
    await Promise.all([first, second]);
    await engine.publish('ideas', 'n', 3);
    expect(messageData(ada)).toEqual([2, 3]);
    expect(hub.subscriberCounts()).toEqual({ ideas: 1 });
  });

  it('a subscribe that fails halfway leaves no ghost in presence', async () => {
    const engine = createMemoryEngine({ historySize: 10 });
    const broken: BrokerEngine = {
      ...engine,
      async history() {
        throw new Error('Redis is down');
      },
    };
    const hub = new ChannelHub(broken);
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await hub.subscribe(ada, 'ideas', 'ep-1');
    expect(warn, 'the broker logs what went wrong').toHaveBeenCalledWith(
      expect.stringContaining('Redis is down'),
    );
    warn.mockRestore();
    expect(ada.got.at(-1)).toMatchObject({ type: 'error', code: 'unavailable' });
    expect(JSON.stringify(ada.got.at(-1)), 'no internals to the client').not.toContain('Redis is down');
    expect(await engine.presence('ideas')).toEqual([]);
    expect(hub.subscriberCounts()).toEqual({});
  });

  it('a connection that closes while subscribing leaves no ghost in presence', async () => {
    const { engine, release } = slowHistoryEngine();
    const hub = new ChannelHub(engine);
    const ada = fakeSubscriber('ada');
    hub.connect(ada);
    const subscribing = hub.subscribe(ada, 'ideas', 'x-1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await hub.disconnect(ada);
    release();
    await subscribing;
    expect(await engine.presence('ideas')).toEqual([]);
    expect(hub.connectionCount).toBe(0);
  });
});
