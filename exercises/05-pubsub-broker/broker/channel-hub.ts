import type { BrokerErrorCode, BrokerMessage, ChannelMessage, PresenceEntry } from '../protocol/messages';
import type { BrokerEngine, PresenceChange } from './broker-engine';
import { parseMessageId } from './message-id';

/** One open connection (WebSocket or SSE) of one member, as the hub sees it. */
export interface Subscriber {
  readonly connectionId: string;
  readonly member: PresenceEntry['member'];
  /** The channels the member's token allows. */
  readonly allowedChannels: ReadonlySet<string>;
  /** Hands one message to the transport, which encodes and sends it. */
  send(message: BrokerMessage): void;
}

type PresenceMessage = Extract<BrokerMessage, { type: 'presence' }>;

/** What the hub keeps per connection. */
interface Connection {
  readonly channels: Set<string>;
  /** Channels whose missed messages are still being sent: live messages and presence wait here meanwhile. */
  readonly replaying: Map<string, BrokerMessage[]>;
  closed: boolean;
}

/** More than this many channels on one connection is a client bug or an attack, not a board. */
export const MAX_CHANNELS_PER_CONNECTION = 32;

/**
 * The broker's application logic: who subscribes to which channel, fan-out of every message to the
 * subscribers of its channel on this instance, presence, and replay of missed messages on resume.
 */
export class ChannelHub {
  readonly #engine: BrokerEngine;
  readonly #subscribersByChannel = new Map<string, Set<Subscriber>>();
  readonly #connections = new Map<Subscriber, Connection>();

  constructor(engine: BrokerEngine) {
    this.#engine = engine;
    engine.onMessage((message) => this.#fanOut(message));
    engine.onPresence((change) => this.#fanOutPresence(change));
  }

  /** Connections on this instance right now. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Subscribers per channel on this instance, for `/stats`. */
  subscriberCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [channel, subscribers] of this.#subscribersByChannel) counts[channel] = subscribers.size;
    return counts;
  }

  connect(subscriber: Subscriber): void {
    this.#connections.set(subscriber, { channels: new Set(), replaying: new Map(), closed: false });
  }

  /** Subscribes; with `since`, first sends what the subscriber missed, then live messages, none twice. */
  async subscribe(subscriber: Subscriber, channel: string, since?: string): Promise<void> {
    const connection = this.#connections.get(subscriber);
    if (!connection || connection.closed) return;
    if (!subscriber.allowedChannels.has(channel)) {
      sendError(subscriber, 'forbidden', `Your token does not allow the channel "${channel}".`, channel);
      return;
    }
    if (connection.channels.has(channel)) {
      sendError(subscriber, 'bad-command', `You are already subscribed to "${channel}".`, channel);
      return;
    }
    if (connection.channels.size >= MAX_CHANNELS_PER_CONNECTION) {
      const reason = `One connection may subscribe to at most ${MAX_CHANNELS_PER_CONNECTION} channels.`;
      sendError(subscriber, 'too-many-channels', reason, channel);
      return;
    }

    // Live messages are held back until the missed ones are out, so the order stays right.
    connection.channels.add(channel);
    connection.replaying.set(channel, []);
    this.#subscribersOf(channel).add(subscriber);
    let sentUpTo = 0;
    try {
      await this.#joinPresence(subscriber, connection, channel);
      if (since !== undefined) sentUpTo = await this.#sendMissed(subscriber, channel, since);
    } catch (error) {
      this.#removeFromChannel(subscriber, connection, channel);
      sendError(
        subscriber,
        'unavailable',
        `The broker cannot subscribe you right now: ${String(error)}`,
        channel,
      );
      return;
    }
    this.#finishReplay(subscriber, connection, channel, sentUpTo);
  }

  async unsubscribe(subscriber: Subscriber, channel: string): Promise<void> {
    const connection = this.#connections.get(subscriber);
    if (!connection?.channels.has(channel)) {
      if (connection)
        sendError(subscriber, 'bad-command', `You are not subscribed to "${channel}".`, channel);
      return;
    }
    this.#removeFromChannel(subscriber, connection, channel);
    subscriber.send({ type: 'unsubscribed', channel });
    await this.#engine.leave(channel, subscriber.connectionId);
  }

  /** The connection is gone: leave every channel, so presence tells the others. */
  async disconnect(subscriber: Subscriber): Promise<void> {
    const connection = this.#connections.get(subscriber);
    if (!connection) return;
    connection.closed = true;
    this.#connections.delete(subscriber);
    const channels = [...connection.channels];
    for (const channel of channels) this.#removeFromChannel(subscriber, connection, channel);
    // 🐨 TODO 3.5: leave the presence of every channel in `channels` (this.#engine.leave), so the others
    //    see this member go. Use Promise.allSettled: one failed leave must not stop the others.
  }

  // #region fan-out
  /** Sends a published message to every subscriber of its channel on this instance. */
  #fanOut(message: ChannelMessage): void {
    // 🐨 TODO 3.1: hand the message to every subscriber of message.channel (#subscribersByChannel) with
    //    this.#deliver(subscriber, message), which holds it back while that subscriber's replay runs.
  }
  // #endregion fan-out

  #fanOutPresence({ channel, action, entry }: PresenceChange): void {
    const subscribers = this.#subscribersByChannel.get(channel);
    if (!subscribers) return;
    // 🐨 TODO 3.4: send every subscriber of the channel a `presence` message with action and entry
    //    (type: 'presence'), through this.#deliver like the fan-out.
  }

  #deliver(subscriber: Subscriber, message: ChannelMessage | PresenceMessage): void {
    const waiting = this.#connections.get(subscriber)?.replaying.get(message.channel);
    if (waiting) waiting.push(message);
    else subscriber.send(message);
  }

  async #joinPresence(subscriber: Subscriber, connection: Connection, channel: string): Promise<void> {
    // 🐨 TODO 3.2: add this connection to the channel's presence: this.#engine.join(channel, entry) with
    //    entry = { connectionId, member } of the subscriber. (The engine tells everyone: TODO 3.4.)
    // 💯 TODO 3.2b: the connection may have closed while you waited; if connection.closed, leave again.
    // 🐨 TODO 3.3: answer with who is there now: `presence` = await this.#engine.presence(channel).
    const presence: PresenceEntry[] = [];
    subscriber.send({ type: 'subscribed', channel, presence });
  }

  /** Sends what the subscriber missed; returns the sequence it has now seen up to (0: send every live one). */
  async #sendMissed(subscriber: Subscriber, channel: string, since: string): Promise<number> {
    const history = await this.#engine.history(channel, since);
    if (history.lost) {
      subscriber.send({ type: 'history-lost', channel });
      return 0;
    }
    for (const message of history.messages) subscriber.send(message);
    return sequenceOf(history.messages.at(-1)?.id ?? since);
  }

  #finishReplay(subscriber: Subscriber, connection: Connection, channel: string, sentUpTo: number): void {
    const waiting = connection.replaying.get(channel) ?? [];
    connection.replaying.delete(channel);
    if (connection.closed) return;
    for (const message of waiting) {
      // Already sent from the history: a subscriber never gets a message twice.
      if (message.type === 'message' && sequenceOf(message.id) <= sentUpTo) continue;
      subscriber.send(message);
    }
  }

  #subscribersOf(channel: string): Set<Subscriber> {
    let subscribers = this.#subscribersByChannel.get(channel);
    if (!subscribers) {
      subscribers = new Set();
      this.#subscribersByChannel.set(channel, subscribers);
    }
    return subscribers;
  }

  #removeFromChannel(subscriber: Subscriber, connection: Connection, channel: string): void {
    connection.channels.delete(channel);
    connection.replaying.delete(channel);
    const subscribers = this.#subscribersByChannel.get(channel);
    subscribers?.delete(subscriber);
    if (subscribers?.size === 0) this.#subscribersByChannel.delete(channel);
  }
}

function sendError(subscriber: Subscriber, code: BrokerErrorCode, message: string, channel: string): void {
  subscriber.send({ type: 'error', code, message, channel });
}

function sequenceOf(id: string): number {
  return parseMessageId(id)?.sequence ?? 0;
}
