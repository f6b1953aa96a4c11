import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { formatSseEvent } from '../../solutions/03-sse-notifications/server/sse-frame';
import { openSseStream, type SseStream } from '../../solutions/03-sse-notifications/server/sse-stream';
import { hasInstructorKey } from '../../solutions/05-pubsub-broker/server/instructor-key';
import { AddressCounter, isLoopback } from './address-counter';
import type { BoardWatch } from './board-watch';
import type { BoardView, PollHello, StageView, TallyEvent } from './poll-events';
import { isPollDeck, POLL_DECKS, type PollDeck, type PollQuestion, questionsOf } from './poll-questions';
import { type PollRelayTarget, relayToClassPoll } from './poll-relay';
import { PollStore } from './poll-store';
import { readSnapshot, saveSnapshotOnChange } from './snapshot-file';
import { Stage } from './stage';
import { parseBreakInput, parseSlideInput } from './stage-input';
import { parseVoteInput } from './vote-input';
import { renderVotePage, transpileVoteScripts, type VoteScripts } from './vote-page/vote-assets';

const SLIDES_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export interface PollServerOptions {
  /**
   * Where phones reach this server, e.g. `192.168.1.20`; put into the vote URL and the QR code. Without it the
   * vote URL names the address each request used, under the path the server is mounted at (the class server's
   * `/poll`).
   */
  publicHost?: string;
  /** Each talk's votes are kept in `<dataDir>/<deck>.json` between runs; without it they live in memory only. */
  dataDir?: string;
  /** Built decks (`slides/dist`), served at `/<deck>/` so slides and poll share one origin. */
  distDir?: string;
  /** The questions of each talk (default: `DECK_QUESTIONS` of poll-questions.ts). */
  decks?: Partial<Record<PollDeck, readonly PollQuestion[]>>;
  /** Comment sent on an idle event stream this often (default 15 s). */
  keepAliveMs?: number;
  /** Distinct devices per question (default 2000); more get 429. */
  maxDevicesPerQuestion?: number;
  /** Open event streams of the room, all talks together (default 500); more get 503. The presenter's are extra. */
  maxStreams?: number;
  /**
   * Event streams one address may hold (default 250): enough for a class of 200 behind one NAT address, and
   * no single client can take all of them. More get 429.
   */
  maxStreamsPerAddress?: number;
  /** Devices one address may vote with per question (default 250, for the same reason). More get 429. */
  maxDevicesPerAddress?: number;
  /**
   * Requests that come from the presenter, who always gets a stream and alone may say which slide is shown and
   * start the break (default: loopback addresses, the laptop that runs the poll and the deck).
   */
  isPresenter?: (address: string) => boolean;
  /** Whoever sends `Authorization: Bearer <presenterKey>` is the presenter too (the class server's instructor). */
  presenterKey?: string;
  /** Express's `trust proxy` (the class server: `loopback`, so a TLS proxy's devices count one by one). */
  trustProxy?: string;
  /**
   * The class server's poll, when the talk uses it (WORKSHOP_CLASS): the votes, the event stream and the stage
   * are then the class server's, and this server passes them on, adding the instructor's key.
   */
  relay?: () => PollRelayTarget | undefined;
  /** Milliseconds between a vote and writing the votes file (default 1000). */
  saveDelayMs?: number;
  /** Builds the vote page's scripts (default: `vote.ts` and `countdown.ts` without their types). */
  buildVoteScripts?: () => Promise<VoteScripts>;
  /** The vote page's CSS (default: `vote-page/vote.css`, read at each request). */
  voteStyles?: string;
  /** The class server's idea board, for the pub/sub talk's workshop slide; watched while the server listens. */
  board?: BoardWatch;
}

export interface PollServer {
  /** The votes of one talk. */
  store(deck: PollDeck): PollStore;
  /** How many event streams are open now. */
  readonly openStreams: number;
  /**
   * The poll's routes, to mount in another server (the class server's `/poll`) instead of listening; starts
   * watching the idea board. close() stops it and writes the last votes.
   */
  mount(): Express;
  /** Starts listening on all interfaces, so phones in the room can vote (port 0 picks a free one). */
  listen(port: number): Promise<AddressInfo>;
  /** Writes the last votes, ends every open stream and closes the port. */
  close(): Promise<void>;
}

/**
 * The audience poll: a vote page for phones, a JSON API for votes, and an event stream of the counts
 * that the slides listen to. The stream is exercise 03's SSE code, not a copy of it. Each talk (`?deck=`)
 * has its own questions and votes.
 */
export function createPollServer(options: PollServerOptions): PollServer {
  const stores = new Map<PollDeck, PollStore>();
  // What each talk's presenter shows now: the slide's polls and the break, for the phones that follow.
  const stages = new Map<PollDeck, Stage>(POLL_DECKS.map((deck) => [deck, new Stage()]));
  const stopSaving: Array<() => void> = [];
  for (const deck of POLL_DECKS) {
    const questions = options.decks?.[deck] ?? questionsOf(deck);
    const file = options.dataDir ? path.join(options.dataDir, `${deck}.json`) : undefined;
    const store = new PollStore(questions, file ? readSnapshot(file) : {}, {
      maxDevicesPerQuestion: options.maxDevicesPerQuestion,
    });
    stores.set(deck, store);
    if (file) stopSaving.push(saveSnapshotOnChange(store, file, options.saveDelayMs));
  }
  const maxStreams = options.maxStreams ?? 500;
  const maxStreamsPerAddress = options.maxStreamsPerAddress ?? 250;
  const maxDevicesPerAddress = options.maxDevicesPerAddress ?? 250;
  const isPresenter = options.isPresenter ?? isLoopback;
  const streamsByAddress = new AddressCounter();
  // Keyed by deck, question and address: devices that voted on that question from that address.
  const devicesByAddress = new AddressCounter();
  const streamOptions = {
    keepAliveMs: options.keepAliveMs ?? 15_000,
    retryMs: 2_000,
    maxBufferedBytes: 1 << 20,
  };
  // Built once at start; a failure is logged here (no unhandled rejection) and answered with 500 below.
  const voteScripts = (options.buildVoteScripts ?? transpileVoteScripts)();
  voteScripts.catch((error: unknown) => {
    console.error(
      `The vote page's script could not be built: ${error instanceof Error ? error.message : error}`,
    );
  });
  let port = 0;
  let eventId = 0;
  let openStreams = 0;
  // The streams that count against maxStreams: all but the presenter's.
  let roomStreams = 0;

  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  if (options.relay) {
    const relay = relayToClassPoll(options.relay, (request) => isPresenter(addressOf(request)));
    app.use(['/api/poll', '/vote'], relay);
  }
  app.get('/api/poll', (request, response) => {
    const deck = deckOf(request, response);
    if (deck) response.json({ voteUrl: voteUrl(deck, request), questions: storeOf(deck).questions });
  });
  app.get('/api/poll/tallies', (request, response) => {
    const deck = deckOf(request, response);
    if (deck) response.json(storeOf(deck).tallies());
  });
  // A HEAD (a link checker, curl -I) gets the headers and is done; it must not hold a stream open.
  app.head('/api/poll/events', (request, response) => {
    if (deckOf(request, response)) response.status(200).type('text/event-stream').end();
  });
  app.get('/api/poll/events', pollEvents);
  app.post('/api/poll/votes', express.json({ limit: '2kb' }), postVote);
  app.post('/api/poll/stage/slide', presenterOnly, express.json({ limit: '2kb' }), postSlide);
  app.post('/api/poll/stage/break', presenterOnly, express.json({ limit: '2kb' }), postBreak);
  app.get('/vote', (request, response) => {
    // `/vote/` would make the page's relative URLs point one folder too deep.
    const [pathname = '', query = ''] = request.originalUrl.split(/(?=\?)/);
    if (pathname.endsWith('/')) {
      response.redirect(301, `${pathname.replace(/\/+$/, '')}${query}`);
      return;
    }
    const language = request.acceptsLanguages('de', 'en') === 'de' ? 'de' : 'en';
    response.type('html').send(renderVotePage(language, options.voteStyles));
  });
  app.get('/vote/:script', async (request, response, next) => {
    try {
      const scripts = await voteScripts;
      const name = request.params.script;
      // Own keys only: `/vote/constructor` is not a script.
      const script = Object.hasOwn(scripts, name) ? scripts[name] : undefined;
      if (script === undefined) {
        next();
        return;
      }
      response.type('js').send(script);
    } catch {
      // Logged once at start, not on every phone's request.
      response
        .status(500)
        .json({ error: "The vote page's script could not be built; see the poll server's log." });
    }
  });
  if (options.distDir) serveDecks(app, options.distDir);
  app.use('/api', apiNotFound);
  app.use(jsonErrors);

  const httpServer = createServer(app);

  function storeOf(deck: PollDeck): PollStore {
    return stores.get(deck) as PollStore;
  }

  function stageOf(deck: PollDeck): Stage {
    return stages.get(deck) as Stage;
  }

  /** The vote page of a talk, as phones reach it: this machine's LAN address, or the address the request used. */
  function voteUrl(deck: PollDeck, request: express.Request): string {
    if (options.publicHost) return `http://${options.publicHost}:${port}/vote?deck=${deck}`;
    return `${request.protocol}://${request.host}${request.baseUrl}/vote?deck=${deck}`;
  }

  function isPresenterRequest(request: express.Request): boolean {
    if (isPresenter(addressOf(request))) return true;
    return (
      options.presenterKey !== undefined &&
      hasInstructorKey(request.get('Authorization'), options.presenterKey)
    );
  }

  /** The `?deck=` of a request, or undefined after answering 400. */
  function deckOf(request: express.Request, response: express.Response): PollDeck | undefined {
    const deck = request.query.deck;
    if (isPollDeck(deck)) return deck;
    response.status(400).json({ error: `Add ?deck= with one of ${POLL_DECKS.join(', ')}.` });
    return undefined;
  }

  function pollEvents(request: express.Request, response: express.Response): void {
    const deck = deckOf(request, response);
    if (!deck) return;
    const address = addressOf(request);
    const presenter = isPresenterRequest(request);
    if (!presenter && roomStreams >= maxStreams) {
      response
        .status(503)
        .set('Retry-After', '10')
        .json({ error: `The poll already serves ${maxStreams} event streams. Try again later.` });
      return;
    }
    if (!presenter && streamsByAddress.count(address) >= maxStreamsPerAddress) {
      response
        .status(429)
        .set('Retry-After', '10')
        .json({
          error: `Your address already holds ${maxStreamsPerAddress} event streams; close one first.`,
        });
      return;
    }
    const store = storeOf(deck);
    const stream: SseStream = openSseStream(request, response, streamOptions);
    openStreams += 1;
    if (!presenter) {
      roomStreams += 1;
      streamsByAddress.add(address);
    }
    const hello: PollHello = {
      voteUrl: voteUrl(deck, request),
      questions: store.questions,
      tallies: store.tallies(),
      ...(options.board ? { board: options.board.view } : {}),
      stage: stageOf(deck).view(),
    };
    stream.send(frame('poll', hello));
    const unsubscribe = store.subscribe((questionId, tally) => {
      const event: TallyEvent = { questionId, tally };
      stream.send(frame('tally', event));
    });
    const stopBoard = options.board?.subscribe((view: BoardView) => stream.send(frame('board', view)));
    const stopStage = stageOf(deck).subscribe((view: StageView) => stream.send(frame('stage', view)));
    stream.onClose(() => {
      openStreams -= 1;
      if (!presenter) {
        roomStreams -= 1;
        streamsByAddress.remove(address);
      }
      unsubscribe();
      stopBoard?.();
      stopStage();
    });
  }

  function postVote(request: express.Request, response: express.Response): void {
    const input = parseVoteInput(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    const { deck, questionId, deviceId, optionId } = input.value;
    const store = storeOf(deck);
    // Device ids are the phones' own choice: one address must not fill a question with made-up devices.
    const devicesKey = `${deck}\n${questionId}\n${addressOf(request)}`;
    const newDevice = !store.hasVoted(questionId, deviceId);
    if (newDevice && devicesByAddress.count(devicesKey) >= maxDevicesPerAddress) {
      response.status(429).json({
        error: `Your address already voted with ${maxDevicesPerAddress} devices on this question; no more are taken.`,
      });
      return;
    }
    const result = store.vote(questionId, deviceId, optionId);
    if (!result.ok) {
      response.status(result.reason === 'full' ? 429 : 400).json({ error: result.error });
      return;
    }
    if (newDevice) devicesByAddress.add(devicesKey);
    response.json({ deck, questionId, optionId, tally: result.tally });
  }

  /** Only the presenter says which slide is shown and when the break ends; phones get 403. */
  function presenterOnly(
    request: express.Request,
    response: express.Response,
    next: express.NextFunction,
  ): void {
    if (isPresenterRequest(request)) {
      next();
      return;
    }
    response.status(403).json({
      error:
        'Only the presenter may do this: from the laptop the poll server runs on, or with Authorization: Bearer <instructor key>.',
    });
  }

  function postSlide(request: express.Request, response: express.Response): void {
    const input = parseSlideInput(request.body, (deck) =>
      storeOf(deck).questions.map((question) => question.id),
    );
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    stageOf(input.value.deck).showSlide(input.value.questions);
    response.json(stageOf(input.value.deck).view());
  }

  function postBreak(request: express.Request, response: express.Response): void {
    const input = parseBreakInput(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    stageOf(input.value.deck).setBreak(input.value.minutes);
    response.json(stageOf(input.value.deck).view());
  }

  function addressOf(request: express.Request): string {
    // The socket's address (one per phone, or one per room behind NAT); behind a trusted proxy, the device's.
    return request.ip ?? request.socket.remoteAddress ?? 'unknown';
  }

  function frame(event: string, data: unknown): string {
    eventId += 1;
    return formatSseEvent({ event, id: String(eventId), data: JSON.stringify(data) });
  }

  function listen(requestedPort: number): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(requestedPort, () => {
        httpServer.off('error', reject);
        const address = httpServer.address() as AddressInfo;
        port = address.port;
        options.board?.start();
        resolve(address);
      });
    });
  }

  function close(): Promise<void> {
    for (const stop of stopSaving) stop();
    options.board?.stop();
    if (!httpServer.listening) return Promise.resolve();
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      // Event streams never end by themselves; close them so the port is freed now.
      httpServer.closeAllConnections();
    });
  }

  function mount(): Express {
    options.board?.start();
    return app;
  }

  return {
    mount,
    store: storeOf,
    get openStreams() {
      return openStreams;
    },
    listen,
    close,
  };
}

/** `/workshop-de/` etc.: the static build of each deck, and `/` lists them. */
function serveDecks(app: express.Express, distDir: string): void {
  const decks = existsSync(distDir)
    ? readdirSync(distDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(distDir, entry.name, 'index.html')))
        .map((entry) => entry.name)
    : [];
  for (const deck of decks) app.use(`/${deck}`, express.static(path.join(distDir, deck)));
  app.get('/', (_request, response) => {
    const links = decks.map((deck) => `<li><a href="/${deck}/">${deck}</a></li>`).join('');
    const hint = decks.length === 0 ? '<p>No built decks yet: run <code>pnpm slides:build</code>.</p>' : '';
    response
      .type('html')
      .send(`<!doctype html><meta charset="utf-8"><title>Decks</title><ul>${links}</ul>${hint}`);
  });
}

const apiNotFound: RequestHandler = (request, response) => {
  response.status(404).json({
    error: `No route for ${request.method} ${request.originalUrl}. Try GET /api/poll?deck=workshop or POST /api/poll/votes.`,
  });
};

/** Unreadable bodies and other errors become a JSON answer with the right status; never a crash. */
const jsonErrors: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent) {
    next(error);
    return;
  }
  const status = Number((error as { status?: unknown }).status);
  if (status >= 400 && status < 500) {
    response
      .status(status)
      .json({ error: status === 400 ? 'The body is not valid JSON.' : String(error.message) });
    return;
  }
  console.error(error);
  response.status(500).json({ error: 'Internal server error.' });
};

/** The slides folder, for callers that want the default places of `dist` and `.poll-data`. */
export const SLIDES_ROOT = SLIDES_DIR;

/** Where `pnpm slides` keeps the votes: `workshop.json` and `pubsub.json`; delete one to start over. */
export const POLL_DATA_DIR = path.join(SLIDES_DIR, '.poll-data');
