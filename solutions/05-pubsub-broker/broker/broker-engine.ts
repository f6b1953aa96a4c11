import type { ChannelMessage, PresenceEntry } from '../protocol/messages';

/** The messages of a channel after a given id, or `lost` when the history no longer reaches back that far. */
export type HistoryResult = { lost: false; messages: ChannelMessage[] } | { lost: true };

/** Someone's connection joined or left a channel, on any broker instance. */
export interface PresenceChange {
  channel: string;
  action: 'join' | 'leave';
  entry: PresenceEntry;
}

/**
 * Where channels, history and presence live. The broker talks only to this, so the same broker runs alone
 * (`memory-engine.ts`) or as one of many instances that share everything through Redis (`redis-engine.ts`).
 */
export interface BrokerEngine {
  /** Stores the message in the channel's history and hands it to the listeners of every instance. */
  publish(channel: string, event: string, data: unknown): Promise<ChannelMessage>;
  /** The channel's messages after `since` (a message id), oldest first. */
  history(channel: string, since: string): Promise<HistoryResult>;
  /** The id of the newest message on any channel, `<epoch>-0` before the first: a valid `since`. */
  position(): Promise<string>;
  /** Called with every message published on any instance, in the order of their ids. */
  onMessage(listener: (message: ChannelMessage) => void): void;

  /** Adds a connection to the channel's presence and tells every instance. */
  join(channel: string, entry: PresenceEntry): Promise<void>;
  /** Removes a connection from the channel's presence and tells every instance (once, if it was there). */
  leave(channel: string, connectionId: string): Promise<void>;
  /** Who is on the channel now, on all instances. */
  presence(channel: string): Promise<PresenceEntry[]>;
  /** Called with every join and leave on any instance. */
  onPresence(listener: (change: PresenceChange) => void): void;
  /** Called when this instance may have missed messages (it lost Redis for a while): clients must resume. */
  onResync(listener: () => void): void;

  close(): Promise<void>;
}
