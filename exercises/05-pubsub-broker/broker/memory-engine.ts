import type { ChannelMessage, PresenceEntry } from '../protocol/messages';
import type { BrokerEngine, HistoryResult, PresenceChange } from './broker-engine';
import { ChannelHistory } from './channel-history';
import { formatMessageId, newEpoch } from './message-id';

/** Channels, history and presence in this process: one broker, no extra service (the default). */
export function createMemoryEngine({ historySize }: { historySize: number }): BrokerEngine {
  // New on every start: ids from before a restart can never match, so their subscribers hear `history-lost`.
  const epoch = newEpoch();
  let sequence = 0;
  const histories = new Map<string, ChannelHistory>();
  const presenceByChannel = new Map<string, Map<string, PresenceEntry>>();
  const messageListeners: Array<(message: ChannelMessage) => void> = [];
  const presenceListeners: Array<(change: PresenceChange) => void> = [];

  function historyOf(channel: string): ChannelHistory {
    let history = histories.get(channel);
    if (!history) {
      history = new ChannelHistory(historySize);
      histories.set(channel, history);
    }
    return history;
  }

  function announce(change: PresenceChange): void {
    for (const listener of presenceListeners) listener(change);
  }

  return {
    async publish(channel, event, data) {
      sequence += 1;
      const message: ChannelMessage = {
        type: 'message',
        channel,
        id: formatMessageId({ epoch, sequence }),
        event,
        data,
      };
      historyOf(channel).add(message);
      for (const listener of messageListeners) listener(message);
      return message;
    },

    async history(channel, since): Promise<HistoryResult> {
      return historyOf(channel).after(epoch, since, sequence);
    },

    async position() {
      return formatMessageId({ epoch, sequence });
    },

    onMessage(listener) {
      messageListeners.push(listener);
    },

    async join(channel, entry) {
      // 🐨 TODO 3.2: who is on which channel. Store the entry in presenceByChannel (the channel's Map by
      //    connectionId; create it the first time), then tell everyone: announce a 'join' with the entry.
    },

    async leave(channel, connectionId) {
      // 🐨 TODO 3.2: take the connection's entry out of the channel's Map (delete a Map that is empty now)
      //    and announce a 'leave' with the entry. A connection that was not there: do nothing, announce nothing.
    },

    async presence(channel) {
      // 🐨 TODO 3.2: every entry of the channel, as an array ([] for a channel nobody is on).
      return [];
    },

    onPresence(listener) {
      presenceListeners.push(listener);
    },

    onResync() {
      // Nothing between publish and fan-out can fail in one process.
    },

    async close() {
      messageListeners.length = 0;
      presenceListeners.length = 0;
    },
  };
}
