import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { BrokerMessage, ChannelMessage } from '../protocol/messages';
import { encodeBrokerSseEvent } from './broker-frame';
import { type ChannelHub, MAX_CHANNELS_PER_CONNECTION, type Subscriber } from './channel-hub';
import { CHANNEL_NAME_RULE, isChannelName } from './channel-name';
import { parseMessageId } from './message-id';
import { openSseStream, type SseStreamOptions } from './sse-stream';
import { verifySubscribeToken } from './subscribe-token';

export interface SseTransport {
  /** `GET /events?token=…&channel=ideas&channel=round`. */
  readonly route: RequestHandler;
  readonly streamCount: number;
}

/**
 * Subscribers over Server-Sent Events, for clients that only need to listen: the channels are in the URL,
 * and a reconnecting EventSource resumes by itself with `Last-Event-ID`.
 */
export function createSseTransport(
  hub: ChannelHub,
  options: SseStreamOptions & { tokenSecret: Uint8Array },
): SseTransport {
  let streamCount = 0;

  const route: RequestHandler = async (request, response) => {
    const token = await verifySubscribeToken(readToken(request), options.tokenSecret);
    // The client may have given up while we checked the token; a stream opened now would never close.
    if (response.closed || request.socket.destroyed) return;
    if (!token.ok) {
      response.status(401).json({ error: token.error });
      return;
    }
    const channels = request.query.channel;
    const names = (Array.isArray(channels) ? channels : [channels]).filter((name) => name !== undefined);
    if (names.length === 0 || names.length > MAX_CHANNELS_PER_CONNECTION || !names.every(isChannelName)) {
      const rule = `Name 1 to ${MAX_CHANNELS_PER_CONNECTION} channels as ?channel=…&channel=…; ${CHANNEL_NAME_RULE}.`;
      response.status(400).json({ error: rule });
      return;
    }
    const forbidden = names.find((name) => !token.channels.has(name));
    if (forbidden !== undefined) {
      response.status(403).json({ error: `Your token does not allow the channel "${forbidden}".` });
      return;
    }
    const since = readSince(request);
    if (since === null) {
      response
        .status(400)
        .json({ error: 'Last-Event-ID (or ?since=) must be the id of a message you received.' });
      return;
    }

    const stream = openSseStream(request, response, options);
    // One Last-Event-ID covers every channel, so the missed messages of all channels go out in id order:
    // until every channel has replayed, what the hub sends is collected here.
    let collected: BrokerMessage[] | undefined = [];
    const subscriber: Subscriber = {
      connectionId: randomUUID(),
      member: token.member,
      allowedChannels: token.channels,
      send: (message: BrokerMessage) => {
        if (collected) collected.push(message);
        else stream.send(encodeBrokerSseEvent(message));
      },
      // EventSource reconnects by itself and resumes with Last-Event-ID.
      close: () => response.destroy(),
    };
    hub.connect(subscriber);
    streamCount += 1;
    stream.onClose(() => {
      streamCount -= 1;
      hub.disconnect(subscriber).catch((error: unknown) => console.warn(`Leaving failed: ${String(error)}`));
    });
    for (const name of new Set(names)) await hub.subscribe(subscriber, name, since);
    const ready = inIdOrder(collected);
    collected = undefined;
    for (const message of ready) stream.send(encodeBrokerSseEvent(message));
  };

  return {
    route,
    get streamCount() {
      return streamCount;
    },
  };
}

/** Confirmations and presence first, then the channel messages by id, each once. */
function inIdOrder(messages: BrokerMessage[]): BrokerMessage[] {
  const others = messages.filter((message) => message.type !== 'message');
  const byId = new Map<string, ChannelMessage>();
  for (const message of messages) if (message.type === 'message') byId.set(message.id, message);
  const channelMessages = [...byId.values()].sort((a, b) => sequenceOf(a.id) - sequenceOf(b.id));
  return [...others, ...channelMessages];
}

function sequenceOf(id: string): number {
  return parseMessageId(id)?.sequence ?? 0;
}

function readToken(request: Request): string {
  const header = /^Bearer (.+)$/.exec(request.get('Authorization') ?? '');
  if (header?.[1]) return header[1];
  // EventSource cannot set headers, so browsers send the token in the URL.
  const query = request.query.token;
  return typeof query === 'string' ? query : '';
}

/** The id to resume after: EventSource sends `Last-Event-ID` by itself; `?since=` is for the first connect. */
function readSince(request: Request): string | undefined | null {
  const header = request.get('Last-Event-ID');
  const query = typeof request.query.since === 'string' ? request.query.since : undefined;
  const since = header || query;
  if (since === undefined || since === '') return undefined;
  return parseMessageId(since) ? since : null;
}
