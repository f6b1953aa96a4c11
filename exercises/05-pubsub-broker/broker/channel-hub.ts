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
  /** Ends the connection, so the client reconnects and resumes from the history. */
  close(): void;
}

type PresenceMessage = Extract<BrokerMessage, { type: 'presence' }>;

/** What the hub keeps per connection. */
interface Connection {
  readonly channels: Set<string>;
  /**
   * Channels whose subscription is still being set up (presence, missed messages): live messages and presence
   * wait in this queue meanwhile. Each subscribe has its own queue, so an unsubscribe in between is noticed.
   */
  readonly replaying: Map<string, BrokerMessage[]>;
  /**
   * Per channel, the sequence of the last message sent: anything at or below it was sent already (from the
   * history, or live: with Redis a message can be in the history we read and still arrive live afterwards).
   */
  readonly positions: Map<string, number>;
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
    engine.onResync(() => this.#closeAll());
  }

  /** Connections on this instance right now. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Subscribers per channel on this instance, for `/stats`. */
  subscriberCounts(): Record<string, number> {
    // "__proto__" is a valid channel name: fromEntries keeps it as a key, where counts[channel] = … would not.
    const channels = [...this.#subscribersByChannel];
    return Object.fromEntries(channels.map(([channel, subscribers]) => [channel, subscribers.size]));
  }

  connect(subscriber: Subscriber): void {
    this.#connections.set(subscriber, {
      channels: new Set(),
      replaying: new Map(),
      positions: new Map(),
      closed: false,
    });
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
    const queue: BrokerMessage[] = [];
    connection.channels.add(channel);
    connection.replaying.set(channel, queue);
    this.#subscribersOf(channel).add(subscriber);
    // False once the connection closed or unsubscribed while we waited: then this subscribe ends quietly.
    const stillWanted = () => !connection.closed && connection.replaying.get(channel) === queue;
    try {
      await this.#joinPresence(subscriber, channel);
      // 🐨 TODO 3.3: answer with who is there now, you included: await this.#engine.presence(channel).
      const presence: PresenceEntry[] = [];
      if (!stillWanted()) return;
      subscriber.send({ type: 'subscribed', channel, presence });
      if (since !== undefined) await this.#sendMissed(subscriber, connection, channel, since);
    } catch (error) {
      await this.#abandon(subscriber, connection, channel, error);
      return;
    }
    if (!stillWanted()) return;
    this.#finishReplay(subscriber, connection, channel, queue);
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

  /** The engine lost messages (Redis went away): every client reconnects and resumes from the history. */
  #closeAll(): void {
    for (const subscriber of [...this.#connections.keys()]) subscriber.close();
  }

  /** A subscribe failed halfway (the engine is down): undo it everywhere, so no ghost stays in presence. */
  async #abandon(
    subscriber: Subscriber,
    connection: Connection,
    channel: string,
    error: unknown,
  ): Promise<void> {
    console.warn(`Subscribing to ${channel} failed: ${String(error)}`);
    this.#removeFromChannel(subscriber, connection, channel);
    sendError(
      subscriber,
      'unavailable',
      'The broker cannot subscribe you right now; reconnect to try again.',
      channel,
    );
    await this.#engine.leave(channel, subscriber.connectionId).catch(() => {});
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
    //    A channel nobody subscribed to has no set: then there is nothing to do.
  }
  // #endregion fan-out

  #fanOutPresence({ channel, action, entry }: PresenceChange): void {
    const subscribers = this.#subscribersByChannel.get(channel);
    if (!subscribers) return;
    // 🐨 TODO 3.4: send every subscriber of the channel a `presence` message with action and entry
    //    (type: 'presence'), through this.#deliver like the fan-out.
  }

  #deliver(subscriber: Subscriber, message: ChannelMessage | PresenceMessage): void {
    const connection = this.#connections.get(subscriber);
    if (!connection) return;
    const waiting = connection.replaying.get(message.channel);
    if (waiting) waiting.push(message);
    else this.#send(subscriber, connection, message);
  }

  /** Sends; a channel message only if this connection does not have it yet: none ever arrives twice. */
  #send(subscriber: Subscriber, connection: Connection, message: BrokerMessage): void {
    if (message.type !== 'message') {
      subscriber.send(message);
      return;
    }
    const sequence = sequenceOf(message.id);
    if (sequence <= (connection.positions.get(message.channel) ?? 0)) return;
    connection.positions.set(message.channel, sequence);
    subscriber.send(message);
  }

  async #joinPresence(subscriber: Subscriber, channel: string): Promise<void> {
    const entry: PresenceEntry = { connectionId: subscriber.connectionId, member: subscriber.member };
    await this.#engine.join(channel, entry);
  }

  /** Sends what the subscriber missed since `since`, or `history-lost` when the history no longer has it. */
  async #sendMissed(
    subscriber: Subscriber,
    connection: Connection,
    channel: string,
    since: string,
  ): Promise<void> {
    const history = await this.#engine.history(channel, since);
    if (history.lost) {
      subscriber.send({ type: 'history-lost', channel });
      return;
    }
    // The subscriber has everything up to `since` already.
    connection.positions.set(channel, sequenceOf(since));
    for (const message of history.messages) this.#send(subscriber, connection, message);
  }

  /** The replay is done: what waited meanwhile goes out in order, without what the history already sent. */
  #finishReplay(
    subscriber: Subscriber,
    connection: Connection,
    channel: string,
    waiting: BrokerMessage[],
  ): void {
    connection.replaying.delete(channel);
    for (const message of waiting) this.#send(subscriber, connection, message);
  }

  #subscribersOf(channel: string): Set<Subscriber> {
    // 🐨 TODO 3.1: who listens to which channel. Return the channel's set from #subscribersByChannel;
    //    the first time, create it and store it there, so that #fanOut finds the subscriber added to it.
    return new Set();
  }

  #removeFromChannel(subscriber: Subscriber, connection: Connection, channel: string): void {
    connection.channels.delete(channel);
    connection.replaying.delete(channel);
    connection.positions.delete(channel);
    // 🐨 TODO 3.1: take the subscriber out of the channel's set in #subscribersByChannel, and delete a set
    //    that is empty now: a channel nobody listens to any more must not stay in memory for ever.
  }
}

function sendError(subscriber: Subscriber, code: BrokerErrorCode, message: string, channel: string): void {
  subscriber.send({ type: 'error', code, message, channel });
}

/** The id parsed last: a fan-out asks for the same id once per subscriber, so it is parsed once. */
let lastParsed = { id: '', sequence: 0 };

function sequenceOf(id: string): number {
  if (id !== lastParsed.id) lastParsed = { id, sequence: parseMessageId(id)?.sequence ?? 0 };
  return lastParsed.sequence;
}
