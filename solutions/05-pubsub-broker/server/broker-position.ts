import type { PositionResponse } from '../protocol/messages';

/** Asks the broker where it stands (`GET /position`), for a snapshot taken before this app published anything. */
export type BrokerPosition = () => Promise<string>;

/** A broker that does not answer within this time is treated as down; the page must not wait for it. */
const POSITION_TIMEOUT_MS = 2_000;

export function createBrokerPosition({
  brokerUrl,
  publisherKey,
}: {
  brokerUrl: string;
  publisherKey: string;
}): BrokerPosition {
  return async () => {
    const response = await fetch(`${brokerUrl}/position`, {
      headers: { Authorization: `Bearer ${publisherKey}` },
      signal: AbortSignal.timeout(POSITION_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`The broker answered ${response.status}: ${await response.text()}`);
    const { lastEventId } = (await response.json()) as PositionResponse;
    return lastEventId;
  };
}
