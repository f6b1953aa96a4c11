import type { ChannelMessage } from '../protocol/messages';
import type { HistoryResult } from './broker-engine';
import { parseMessageId } from './message-id';

/**
 * The last `limit` messages of one channel, and the sequence of the newest one that had to make room,
 * so we can tell a subscriber whether its `since` still lies inside the history.
 */
export class ChannelHistory {
  readonly #limit: number;
  readonly #messages: ChannelMessage[] = [];
  #newestDropped = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(message: ChannelMessage): void {
    this.#messages.push(message);
    if (this.#messages.length <= this.#limit) return;
    const dropped = this.#messages.shift();
    if (dropped) this.#newestDropped = sequenceOf(dropped);
  }

  /** What came after `since`; `newestSequence` is the last sequence the broker has given out, on any channel. */
  after(epoch: string, since: string, newestSequence: number): HistoryResult {
    const position = parseMessageId(since);
    // An id from another epoch was made before the history started over: what came after it is gone.
    if (!position || position.epoch !== epoch) return { lost: true };
    // An id we never gave out: trusting it would make the subscriber skip every message up to it.
    if (position.sequence > newestSequence) return { lost: true };
    // Whoever saw the newest dropped message has missed nothing we no longer have.
    if (position.sequence < this.#newestDropped) return { lost: true };
    const messages = this.#messages.filter((message) => sequenceOf(message) > position.sequence);
    return { lost: false, messages };
  }
}

function sequenceOf(message: ChannelMessage): number {
  return parseMessageId(message.id)?.sequence ?? 0;
}
