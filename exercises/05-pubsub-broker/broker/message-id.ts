/**
 * Where a message stands in the broker's history: `<epoch>-<sequence>`, e.g. `k3x9q1-42`.
 * One sequence counts across all channels, so a subscriber needs to remember only one id. The epoch is new
 * whenever the history starts over (a broker restart without Redis), so an id from before never matches.
 */
export interface MessagePosition {
  epoch: string;
  sequence: number;
}

const MESSAGE_ID = /^([a-z0-9]{1,16})-(\d{1,15})$/;

export function formatMessageId({ epoch, sequence }: MessagePosition): string {
  return `${epoch}-${sequence}`;
}

/** Reads an id a subscriber sent; anything else than an id this broker could have made gives undefined. */
export function parseMessageId(text: string): MessagePosition | undefined {
  const match = MESSAGE_ID.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { epoch: match[1], sequence: Number(match[2]) };
}

/** A short random epoch, e.g. `k3x9q1`. */
export function newEpoch(): string {
  return Math.floor(Math.random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
}
