import express, { type Request, type Response, type Router } from 'express';
import type {
  BoardChannel,
  BoardEventName,
  BoardEvents,
  SessionResponse,
  TokenResponse,
} from '../protocol/messages';
import { parseAlertInput, parseIdeaInput, parseRoundInput, parseSessionRequest } from './board-input';
import type { BoardStore } from './board-store';
import type { BrokerPosition } from './broker-position';
import type { BrokerPublisher } from './broker-publisher';
import { hasInstructorKey } from './instructor-key';
import { JOINS_PER_MINUTE, JoinLimit } from './join-limit';
import type { ServerConfig } from './server-config';
import type { Session, SessionStore } from './session-store';
import { signSubscribeToken } from './subscribe-token';

/** Every participant may listen to these; nobody's token allows any other channel. */
const BOARD_CHANNELS: BoardChannel[] = ['ideas', 'round', 'alerts'];
/** Bodies larger than this get 413: an idea is at most 280 characters. */
const MAX_BODY_SIZE = '4kb';

export interface BoardRouteOptions {
  board: BoardStore;
  sessions: SessionStore;
  publisher: BrokerPublisher;
  position: BrokerPosition;
  config: ServerConfig;
}

/**
 * The idea board's API: plain request/response, like the PHP app of the talk. Whatever changes is handed
 * to the broker with one HTTP call; this backend never holds a connection to a page.
 */
export function createBoardRouter({
  board,
  sessions,
  publisher,
  position,
  config,
}: BoardRouteOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: MAX_BODY_SIZE, strict: false }));
  const joinLimit = new JoinLimit();
  let nextBroker = 0;

  /** Pages are spread over the broker instances in turn; with Redis behind them it does not matter which. */
  function chooseBroker(request: Request): string {
    const brokerUrl =
      config.publicBrokerUrls[nextBroker % config.publicBrokerUrls.length] ?? config.brokerUrl;
    nextBroker += 1;
    // A path (the class server's `/05/broker`): the broker is on the address this page used to reach us.
    if (brokerUrl.startsWith('/')) return `${request.protocol}://${request.host}${brokerUrl}`;
    return brokerUrl;
  }

  async function subscribeAccess({ member, brokerUrl }: Session): Promise<TokenResponse> {
    const subscribeToken = await signSubscribeToken(member, BOARD_CHANNELS, {
      secret: config.subscribeTokenSecret,
      ttlSeconds: config.tokenTtlSeconds,
    });
    return { subscribeToken, brokerUrl };
  }

  /** Publishes, and remembers the id for the next snapshot. A broker that is down loses nothing stored. */
  async function publishToBoard<Name extends BoardEventName>(
    channel: BoardChannel,
    event: Name,
    data: BoardEvents[Name],
  ): Promise<void> {
    try {
      board.recordPublished(await publisher.publish(channel, event, data));
    } catch (error) {
      console.warn(
        `Could not publish ${event} to the broker (pages see it after a reload): ${String(error)}`,
      );
    }
  }

  router.post('/api/session', async (request, response) => {
    if (!isJson(request, response)) return;
    // Without a proxy in front, the address of the socket: one per laptop, or one per room behind NAT.
    const waitSeconds = joinLimit.take(request.ip ?? 'unknown');
    if (waitSeconds > 0) {
      response.setHeader('Retry-After', String(waitSeconds));
      response.status(429).json({
        error: `Too many joins from your address: at most ${JOINS_PER_MINUTE} a minute. Try again in ${waitSeconds} s.`,
      });
      return;
    }
    const input = parseSessionRequest(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    const session = sessions.join(input.value.name, chooseBroker(request));
    const access = await subscribeAccess(session);
    const answer: SessionResponse = {
      member: session.member,
      sessionKey: session.sessionKey,
      channels: BOARD_CHANNELS,
      ...access,
    };
    response.status(201).json(answer);
  });

  router.post('/api/token', async (request, response) => {
    const session = sessions.find(request.get('Authorization'));
    if (!session) {
      refuse(response, 'This session is unknown (the server may have restarted): join again.');
      return;
    }
    response.json(await subscribeAccess(session));
  });

  router.get('/api/board', async (_request, response) => {
    await learnPosition();
    response.json(board.snapshot());
  });

  /**
   * Before this app published anything its snapshot names no position, and a page would subscribe without
   * `since`: an idea posted between snapshot and subscription would be lost. The broker's position fills it.
   */
  async function learnPosition(): Promise<void> {
    if (board.hasPosition) return;
    try {
      board.recordPosition(await position());
    } catch (error) {
      console.warn(`Could not ask the broker for its position: ${String(error)}`);
    }
  }

  router.post('/api/ideas', async (request, response) => {
    const author = sessions.find(request.get('Authorization'))?.member;
    if (!author) {
      refuse(
        response,
        'Join the board first: POST /api/session, then send Authorization: Bearer <sessionKey>.',
      );
      return;
    }
    if (!isJson(request, response)) return;
    const input = parseIdeaInput(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    const idea = board.addIdea(author, input.value.text);
    // 🐨 TODO 2.3: publish the new idea to everyone: event 'idea.created' on channel 'ideas', with
    //    publishToBoard (above). Wait for it before you answer, so the id is recorded for the next snapshot.
    response.status(201).json(idea);
  });

  router.post('/api/round', async (request, response) => {
    if (!isInstructor(request, response) || !isJson(request, response)) return;
    const input = parseRoundInput(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    const round = board.startRound(input.value.phase, config.phaseSeconds[input.value.phase]);
    await publishToBoard('round', 'round.started', round);
    response.status(201).json(round);
  });

  router.post('/api/alerts', async (request, response) => {
    if (!isInstructor(request, response) || !isJson(request, response)) return;
    const input = parseAlertInput(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    const alert = board.createAlert(input.value.text);
    await publishToBoard('alerts', 'alert', alert);
    response.status(201).json(alert);
  });

  function isInstructor(request: Request, response: Response): boolean {
    if (hasInstructorKey(request.get('Authorization'), config.instructorKey)) return true;
    refuse(response, 'Only the instructor may do this: send Authorization: Bearer <instructor key>.');
    return false;
  }

  return router;
}

function isJson(request: Request, response: Response): boolean {
  if (request.is('application/json')) return true;
  response.status(415).json({ error: 'Send JSON with Content-Type: application/json.' });
  return false;
}

function refuse(response: Response, error: string): void {
  response.setHeader('WWW-Authenticate', 'Bearer');
  response.status(401).json({ error });
}
