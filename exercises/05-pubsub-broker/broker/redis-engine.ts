import { createClient } from 'redis';
import type { ChannelMessage, PresenceEntry } from '../protocol/messages';
import type { BrokerEngine, HistoryResult, PresenceChange } from './broker-engine';
import { formatMessageId, newEpoch, parseMessageId } from './message-id';
import { withTimeout } from './with-timeout';

export interface RedisEngineOptions {
  /** e.g. `redis://localhost:6379`. */
  url: string;
  /** Every key and Redis channel starts with this, so several boards (or test runs) can share one Redis. */
  keyPrefix: string;
  historySize: number;
  /** A presence entry that its instance stopped refreshing for this long is gone (the instance died). */
  presenceTtlMs: number;
  /** A Redis call without an answer after this long fails (default 3 s): the client hears `unavailable`. */
  timeoutMs?: number;
}

/** One stored message: where it stands, and what was published. */
interface StoredEntry {
  epoch: string;
  sequence: number;
  message: { channel: string; event: string; data: unknown };
}

interface StoredPresence {
  entry: PresenceEntry;
  expiresAt: number;
}

// Atomic, so every instance sees the same order: count up, store, trim the history, tell every instance.
// A Redis that lost its data (restart without persistence, FLUSHALL) has no epoch: a new one starts, so old
// ids can never match new messages.
const PUBLISH_SCRIPT = `
local epoch = redis.call('GET', KEYS[4])
if not epoch then
  epoch = ARGV[4]
  redis.call('SET', KEYS[4], epoch)
  redis.call('DEL', KEYS[1])
end
local sequence = redis.call('INCR', KEYS[1])
local entry = '{"epoch":"' .. epoch .. '","sequence":' .. sequence .. ',"message":' .. ARGV[1] .. '}'
redis.call('RPUSH', KEYS[2], entry)
if redis.call('LLEN', KEYS[2]) > tonumber(ARGV[2]) then
  local dropped = cjson.decode(redis.call('LPOP', KEYS[2]))
  redis.call('SET', KEYS[3], dropped.sequence)
end
redis.call('PUBLISH', ARGV[3], entry)
return entry
`;

// Removes a presence entry only if nobody refreshed it since we read it, and tells every instance once.
const EXPIRE_SCRIPT = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`;

/**
 * Channels, history and presence in Redis, shared by any number of broker instances: a publish to one
 * instance reaches the subscribers of all. Redis does the hard parts (ordering, pub/sub between instances);
 * this file names the keys and keeps presence fresh.
 */
export async function createRedisEngine(options: RedisEngineOptions): Promise<BrokerEngine> {
  const { keyPrefix, historySize, presenceTtlMs, timeoutMs = 3_000 } = options;
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
  const messageListeners: Array<(message: ChannelMessage) => void> = [];
  const presenceListeners: Array<(change: PresenceChange) => void> = [];
  const resyncListeners: Array<() => void> = [];
  // The presence entries of this instance's own connections, refreshed until they leave.
  const ownPresence = new Map<string, { channel: string; entry: PresenceEntry }>();
  // Where the last message we heard of stands: a gap means we missed some.
  let lastHeard: { epoch: string; sequence: number } | undefined;
  let subscriberLost = false;
  let closed = false;

  for (const connection of [client, subscriber]) {
    // Without a listener an 'error' event would crash the broker; the client reconnects by itself.
    connection.on('error', (error: Error) => console.warn(`Redis: ${error.message}`));
  }
  subscriber.on('error', () => {
    subscriberLost = true;
  });
  subscriber.on('ready', () => {
    // Messages published while we were away never reach us: let every client resume from the history.
    if (!subscriberLost) return;
    subscriberLost = false;
    requestResync();
  });
  await Promise.all([client.connect(), subscriber.connect()]);

  await subscriber.subscribe(keys.messagesTopic, (text) => {
    const stored = readJson<StoredEntry>(text);
    if (!stored) return;
    noticeGap(stored);
    const message = toChannelMessage(stored);
    for (const listener of messageListeners) listener(message);
  });
  await subscriber.subscribe(keys.presenceTopic, (text) => {
    const change = readJson<PresenceChange>(text);
    if (!change) return;
    for (const listener of presenceListeners) listener(change);
  });

  let refreshTimer = setTimeout(refreshLoop, refreshInterval());

  function refreshInterval(): number {
    return Math.max(100, Math.floor(presenceTtlMs / 3));
  }

  /** Runs one refresh, then schedules the next, so runs never pile up while Redis is slow or gone. */
  function refreshLoop(): void {
    refreshOwnPresence()
      .catch((error: unknown) => {
        // A refresh under way while the broker shuts down fails on the closed client: nothing to report.
        if (!closed) console.warn(`Redis presence refresh: ${String(error)}`);
      })
      .finally(() => {
        if (!closed) refreshTimer = setTimeout(refreshLoop, refreshInterval());
      });
  }

  function requestResync(): void {
    lastHeard = undefined;
    for (const listener of resyncListeners) listener();
  }

  function noticeGap({ epoch, sequence }: StoredEntry): void {
    const expected = lastHeard && lastHeard.epoch === epoch ? lastHeard.sequence + 1 : undefined;
    const first = lastHeard === undefined;
    lastHeard = { epoch, sequence };
    if (first || expected === sequence) return;
    requestResync();
  }

  function toChannelMessage({ epoch, sequence, message }: StoredEntry): ChannelMessage {
    const id = formatMessageId({ epoch, sequence });
    return { type: 'message', channel: message.channel, id, event: message.event, data: message.data };
  }

  function presenceValue(entry: PresenceEntry): string {
    const stored: StoredPresence = { entry, expiresAt: Date.now() + presenceTtlMs };
    return JSON.stringify(stored);
  }

  function presenceChange(channel: string, action: PresenceChange['action'], entry: PresenceEntry): string {
    const change: PresenceChange = { channel, action, entry };
    return JSON.stringify(change);
  }

  async function removePresence(channel: string, entry: PresenceEntry): Promise<void> {
    // HDEL answers 1 on exactly one instance, so exactly one announces the leave.
    const removed = await client.hDel(keys.presence(channel), entry.connectionId);
    if (removed === 1) await client.publish(keys.presenceTopic, presenceChange(channel, 'leave', entry));
  }

  async function refreshOwnPresence(): Promise<void> {
    for (const { channel, entry } of ownPresence.values()) {
      const created = await client.hSet(keys.presence(channel), entry.connectionId, presenceValue(entry));
      // Another instance expired it while Redis could not hear from us: we are back, so say so.
      if (created === 1) await client.publish(keys.presenceTopic, presenceChange(channel, 'join', entry));
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
        if (!presence || presence.expiresAt > now) continue;
        await client.eval(EXPIRE_SCRIPT, {
          keys: [keys.presence(channel)],
          arguments: [
            presence.entry.connectionId,
            value,
            keys.presenceTopic,
            presenceChange(channel, 'leave', presence.entry),
          ],
        });
      }
    }
  }

  const engine: BrokerEngine = {
    async publish(channel, event, data) {
      const payload = JSON.stringify({ channel, event, data });
      const entry = await client.eval(PUBLISH_SCRIPT, {
        keys: [keys.sequence, keys.history(channel), keys.newestDropped(channel), keys.epoch],
        arguments: [payload, String(historySize), keys.messagesTopic, newEpoch()],
      });
      const stored = readJson<StoredEntry>(String(entry));
      if (!stored) throw new Error('Redis returned no entry for the published message.');
      return toChannelMessage(stored);
    },

    async history(channel, since): Promise<HistoryResult> {
      const position = parseMessageId(since);
      if (!position) return { lost: true };
      const [epoch, entries, newestDropped, newestSequence] = await Promise.all([
        client.get(keys.epoch),
        client.lRange(keys.history(channel), 0, -1),
        client.get(keys.newestDropped(channel)),
        client.get(keys.sequence),
      ]);
      // A new epoch: the id is from before Redis lost its data, so what came after it is gone.
      if (position.epoch !== epoch) return { lost: true };
      // An id nobody gave out: trusting it would make the subscriber skip every message up to it.
      if (position.sequence > Number(newestSequence ?? 0)) return { lost: true };
      if (position.sequence < Number(newestDropped ?? 0)) return { lost: true };
      const messages = entries
        .map((text) => readJson<StoredEntry>(text))
        .filter(
          (stored): stored is StoredEntry => stored !== undefined && stored.sequence > position.sequence,
        )
        .map(toChannelMessage);
      return { lost: false, messages };
    },

    async position() {
      // Before the first publish there is no epoch yet: make it now (NX: unless another instance just did),
      // so that the position is still valid when the first message comes.
      await client.set(keys.epoch, newEpoch(), { condition: 'NX' });
      const [epoch, sequence] = await Promise.all([client.get(keys.epoch), client.get(keys.sequence)]);
      return formatMessageId({ epoch: epoch ?? '', sequence: Number(sequence ?? 0) });
    },

    onMessage(listener) {
      messageListeners.push(listener);
    },

    async join(channel, entry) {
      const key = `${channel}\n${entry.connectionId}`;
      ownPresence.set(key, { channel, entry });
      // One MULTI, sent at once: a leave that follows can never overtake the join announcement.
      const announced = client
        .multi()
        .hSet(keys.presence(channel), entry.connectionId, presenceValue(entry))
        .sAdd(keys.presenceChannels, channel)
        .publish(keys.presenceTopic, presenceChange(channel, 'join', entry))
        .exec();
      try {
        await withTimeout(announced, timeoutMs, 'Redis MULTI (join)');
      } catch (error) {
        ownPresence.delete(key);
        // It may still run once Redis answers again: then take the entry out after it, and say so.
        announced
          .catch(() => undefined)
          .then(() => removePresence(channel, entry))
          .catch(() => {});
        throw error;
      }
    },

    async leave(channel, connectionId) {
      const key = `${channel}\n${connectionId}`;
      const own = ownPresence.get(key);
      if (!own) return;
      ownPresence.delete(key);
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

    onResync(listener) {
      resyncListeners.push(listener);
    },

    async close() {
      closed = true;
      clearTimeout(refreshTimer);
      for (const { channel, entry } of [...ownPresence.values()]) {
        await removePresence(channel, entry).catch(() => {});
      }
      ownPresence.clear();
      messageListeners.length = 0;
      presenceListeners.length = 0;
      resyncListeners.length = 0;
      await Promise.allSettled([subscriber.close(), client.close()]);
    },
  };

  // Every call a subscriber or publisher waits for gets a bound (join has its own, above).
  const bound = <T>(promise: Promise<T>, what: string) => withTimeout(promise, timeoutMs, `Redis ${what}`);
  return {
    ...engine,
    publish: (channel, event, data) => bound(engine.publish(channel, event, data), 'publish'),
    history: (channel, since) => bound(engine.history(channel, since), 'history'),
    position: () => bound(engine.position(), 'position'),
    leave: (channel, connectionId) => bound(engine.leave(channel, connectionId), 'leave'),
    presence: (channel) => bound(engine.presence(channel), 'presence'),
  };
}

function readJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
