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
      const response = await fetch(`${brokerUrl}/publish`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${publisherKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel, event, data }),
        signal: AbortSignal.timeout(PUBLISH_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`The broker answered ${response.status}: ${await response.text()}`);
      const { id } = (await response.json()) as PublishResponse;
      return id;
    },
    // #endregion publish
  };
  return publisher;
}
