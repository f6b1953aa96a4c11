import { createClient } from 'redis';
import type { ChannelMessage, PresenceEntry } from '../protocol/messages';
import type { BrokerEngine, HistoryResult, PresenceChange } from './broker-engine';
import { formatMessageId, newEpoch, parseMessageId } from './message-id';

export interface RedisEngineOptions {
  /** e.g. `redis://localhost:6379`. */
  url: string;
  /** Every key and Redis channel starts with this, so several boards (or test runs) can share one Redis. */
  keyPrefix: string;
  historySize: number;
  /** A presence entry that its instance stopped refreshing for this long is gone (the instance died). */
  presenceTtlMs: number;
}

/** One stored message: the sequence Redis gave it, and what was published. */
interface StoredEntry {
  sequence: number;
  message: { channel: string; event: string; data: unknown };
}

interface StoredPresence {
  entry: PresenceEntry;
  expiresAt: number;
}

// Atomic, so every instance sees the same order: count up, store, trim the history, tell every instance.
const PUBLISH_SCRIPT = `
local sequence = redis.call('INCR', KEYS[1])
local entry = '{"sequence":' .. sequence .. ',"message":' .. ARGV[1] .. '}'
redis.call('RPUSH', KEYS[2], entry)
if redis.call('LLEN', KEYS[2]) > tonumber(ARGV[2]) then
  local dropped = cjson.decode(redis.call('LPOP', KEYS[2]))
  redis.call('SET', KEYS[3], dropped.sequence)
end
redis.call('PUBLISH', ARGV[3], entry)
return sequence
`;

/**
 * Channels, history and presence in Redis, shared by any number of broker instances: a publish to one
 * instance reaches the subscribers of all. Redis does the hard parts (ordering, pub/sub between instances);
 * this file only names the keys.
 */
export async function createRedisEngine(options: RedisEngineOptions): Promise<BrokerEngine> {
  const { keyPrefix, historySize, presenceTtlMs } = options;
  const keys = {
    epoch: `${keyPrefix}:epoch`,
    sequence: `${keyPrefix}:sequence`,
    history: (channel: string) => `${keyPrefix}:history:${channel}`,
    newestDropped: (channel: string) => `${keyPrefix}:dropped:${channel}`,
    presence: (channel: string) => `${keyPrefix}:presence:${channel}`,
    presenceChannels: `${keyPrefix}:presence-channels`,
    messagesTopic: `${keyPrefix}:messages`,
    presenceTopic: `${keyPrefix}:presence`,
  };

  const client = createClient({ url: options.url });
  // A subscribed Redis connection can do nothing else, so listening needs a second one.
  const subscriber = client.duplicate();
  for (const connection of [client, subscriber]) {
    // Without a listener an 'error' event would crash the broker; the client reconnects by itself.
    connection.on('error', (error: Error) => console.warn(`Redis: ${error.message}`));
  }
  await Promise.all([client.connect(), subscriber.connect()]);

  // The first instance sets the epoch; all others (and later restarts) read the same one.
  await client.set(keys.epoch, newEpoch(), { NX: true });
  const epoch = (await client.get(keys.epoch)) ?? newEpoch();

  const messageListeners: Array<(message: ChannelMessage) => void> = [];
  const presenceListeners: Array<(change: PresenceChange) => void> = [];
  // The presence entries of this instance's own connections, refreshed until they leave.
  const ownPresence = new Map<string, { channel: string; entry: PresenceEntry }>();

  await subscriber.subscribe(keys.messagesTopic, (text) => {
    const stored = readJson<StoredEntry>(text);
    if (!stored) return;
    const message = toChannelMessage(stored);
    for (const listener of messageListeners) listener(message);
  });
  await subscriber.subscribe(keys.presenceTopic, (text) => {
    const change = readJson<PresenceChange>(text);
    if (!change) return;
    for (const listener of presenceListeners) listener(change);
  });

  const refreshTimer = setInterval(
    () => {
      refreshOwnPresence().catch((error: unknown) =>
        console.warn(`Redis presence refresh: ${String(error)}`),
      );
    },
    Math.max(100, Math.floor(presenceTtlMs / 3)),
  );

  function toChannelMessage({ sequence, message }: StoredEntry): ChannelMessage {
    const id = formatMessageId({ epoch, sequence });
    return { type: 'message', channel: message.channel, id, event: message.event, data: message.data };
  }

  function presenceValue(entry: PresenceEntry): string {
    const stored: StoredPresence = { entry, expiresAt: Date.now() + presenceTtlMs };
    return JSON.stringify(stored);
  }

  async function announce(change: PresenceChange): Promise<void> {
    await client.publish(keys.presenceTopic, JSON.stringify(change));
  }

  async function removePresence(channel: string, entry: PresenceEntry): Promise<void> {
    // HDEL answers 1 on exactly one instance, so exactly one announces the leave.
    const removed = await client.hDel(keys.presence(channel), entry.connectionId);
    if (removed === 1) await announce({ channel, action: 'leave', entry });
  }

  async function refreshOwnPresence(): Promise<void> {
    for (const { channel, entry } of ownPresence.values()) {
      await client.hSet(keys.presence(channel), entry.connectionId, presenceValue(entry));
    }
    await sweepExpiredPresence();
  }

  /** Removes the entries of instances that died without saying goodbye. */
  async function sweepExpiredPresence(): Promise<void> {
    const now = Date.now();
    for (const channel of await client.sMembers(keys.presenceChannels)) {
      const stored = await client.hGetAll(keys.presence(channel));
      const values = Object.values(stored);
      if (values.length === 0) await client.sRem(keys.presenceChannels, channel);
      for (const value of values) {
        const presence = readJson<StoredPresence>(value);
        if (presence && presence.expiresAt <= now) await removePresence(channel, presence.entry);
      }
    }
  }

  return {
    async publish(channel, event, data) {
      const payload = JSON.stringify({ channel, event, data });
      const sequence = await client.eval(PUBLISH_SCRIPT, {
        keys: [keys.sequence, keys.history(channel), keys.newestDropped(channel)],
        arguments: [payload, String(historySize), keys.messagesTopic],
      });
      return toChannelMessage({ sequence: Number(sequence), message: { channel, event, data } });
    },

    async history(channel, since): Promise<HistoryResult> {
      const position = parseMessageId(since);
      if (!position || position.epoch !== epoch) return { lost: true };
      const [entries, newestDropped] = await Promise.all([
        client.lRange(keys.history(channel), 0, -1),
        client.get(keys.newestDropped(channel)),
      ]);
      if (position.sequence < Number(newestDropped ?? 0)) return { lost: true };
      const messages = entries
        .map((text) => readJson<StoredEntry>(text))
        .filter(
          (stored): stored is StoredEntry => stored !== undefined && stored.sequence > position.sequence,
        )
        .map(toChannelMessage);
      return { lost: false, messages };
    },

    onMessage(listener) {
      messageListeners.push(listener);
    },

    async join(channel, entry) {
      ownPresence.set(`${channel}\n${entry.connectionId}`, { channel, entry });
      await client.hSet(keys.presence(channel), entry.connectionId, presenceValue(entry));
      await client.sAdd(keys.presenceChannels, channel);
      await announce({ channel, action: 'join', entry });
    },

    async leave(channel, connectionId) {
      const own = ownPresence.get(`${channel}\n${connectionId}`);
      if (!own) return;
      ownPresence.delete(`${channel}\n${connectionId}`);
      await removePresence(channel, own.entry);
    },

    async presence(channel) {
      const now = Date.now();
      const stored = await client.hGetAll(keys.presence(channel));
      return Object.values(stored)
        .map((value) => readJson<StoredPresence>(value))
        .filter((presence): presence is StoredPresence => presence !== undefined && presence.expiresAt > now)
        .map((presence) => presence.entry);
    },

    onPresence(listener) {
      presenceListeners.push(listener);
    },

    async close() {
      clearInterval(refreshTimer);
      for (const { channel, entry } of [...ownPresence.values()]) await removePresence(channel, entry);
      ownPresence.clear();
      messageListeners.length = 0;
      presenceListeners.length = 0;
      await Promise.allSettled([subscriber.close(), client.close()]);
    },
  };
}

function readJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
