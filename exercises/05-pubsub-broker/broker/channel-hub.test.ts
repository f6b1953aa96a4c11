import { describe, expect, it } from 'vitest';
import type { BrokerMessage } from '../protocol/messages';
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
