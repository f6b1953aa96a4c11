import type { BoardChannel, BoardEventName, BoardEvents, PublishResponse } from '../protocol/messages';

export interface BrokerPublisher {
  /** Hands one event to the broker; resolves with the id subscribers see, rejects when the broker refused. */
  publish<Name extends BoardEventName>(
    channel: BoardChannel,
    event: Name,
    data: BoardEvents[Name],
  ): Promise<string>;
}

/** A broker that does not answer within this time is treated as down; the request must not hang. */
const PUBLISH_TIMEOUT_MS = 5_000;

/** Publishes over one plain HTTP call, as a PHP backend would: the backend never holds a connection. */
export function createBrokerPublisher({
  brokerUrl,
  publisherKey,
}: {
  brokerUrl: string;
  publisherKey: string;
}) {
  const publisher: BrokerPublisher = {
    // #region publish
    async publish(channel, event, data) {
      // 🐨 TODO 2.1: POST { channel, event, data } as JSON to `${brokerUrl}/publish`, with the header
      //    `Authorization: Bearer ${publisherKey}`. Give up after PUBLISH_TIMEOUT_MS (AbortSignal.timeout).
      //    📜 https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch
      // 🐨 TODO 2.2: throw an Error (with status and body) unless the broker answered 2xx; else return the
      //    `id` from its JSON answer (a PublishResponse).
      throw new Error('TODO 2.1: publish to the broker (server/broker-publisher.ts).');
    },
    // #endregion publish
  };
  return publisher;
}
