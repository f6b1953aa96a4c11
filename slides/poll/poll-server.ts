import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { formatSseEvent } from '../../solutions/03-sse-notifications/server/sse-frame';
import { openSseStream, type SseStream } from '../../solutions/03-sse-notifications/server/sse-stream';
import { POLL_QUESTIONS, type PollQuestion } from './poll-questions';
import { PollStore } from './poll-store';
import { readSnapshot, saveSnapshotOnChange } from './snapshot-file';
import { parseVoteInput } from './vote-input';
import { renderVotePage, transpileVoteScript } from './vote-page/vote-assets';

const SLIDES_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export interface PollServerOptions {
  /** Where phones reach this server, e.g. `192.168.1.20`; put into the vote URL and the QR code. */
  publicHost: string;
  /** Votes are kept in this JSON file between runs; without it they live in memory only. */
  snapshotFile?: string;
  /** Built decks (`slides/dist`), served at `/<deck>/` so slides and poll share one origin. */
  distDir?: string;
  questions?: readonly PollQuestion[];
  /** Comment sent on an idle event stream this often (default 15 s). */
  keepAliveMs?: number;
}

export interface PollServer {
  readonly store: PollStore;
  /** Starts listening on all interfaces, so phones in the room can vote (port 0 picks a free one). */
  listen(port: number): Promise<AddressInfo>;
  /** Writes the last votes, ends every open stream and closes the port. */
  close(): Promise<void>;
}

/**
 * The audience poll: a vote page for phones, a JSON API for votes, and an event stream of the counts
 * that the slides listen to. The stream is exercise 03's SSE code, not a copy of it.
 */
export function createPollServer(options: PollServerOptions): PollServer {
  const questions = options.questions ?? POLL_QUESTIONS;
  const snapshot = options.snapshotFile ? readSnapshot(options.snapshotFile) : {};
  const store = new PollStore(questions, snapshot);
  const stopSaving = options.snapshotFile ? saveSnapshotOnChange(store, options.snapshotFile) : () => {};
  const streamOptions = {
    keepAliveMs: options.keepAliveMs ?? 15_000,
    retryMs: 2_000,
    maxBufferedBytes: 1 << 20,
  };
  const voteScript = transpileVoteScript();
  let port = 0;
  let eventId = 0;

  const app = express();
  app.disable('x-powered-by');
  app.get('/api/poll', (_request, response) => {
    response.json({ voteUrl: `http://${options.publicHost}:${port}/vote`, questions: store.questions });
  });
  app.get('/api/poll/tallies', (_request, response) => {
    response.json(store.tallies());
  });
  app.get('/api/poll/events', pollEvents);
  app.post('/api/poll/votes', express.json({ limit: '2kb' }), postVote);
  app.get('/vote', (request, response) => {
    response.type('html').send(renderVotePage(request.acceptsLanguages('de', 'en') === 'de' ? 'de' : 'en'));
  });
  app.get('/vote/vote.js', async (_request, response, next) => {
    try {
      response.type('js').send(await voteScript);
    } catch (error) {
      next(error);
    }
  });
  if (options.distDir) serveDecks(app, options.distDir);
  app.use('/api', apiNotFound);
  app.use(jsonErrors);

  const httpServer = createServer(app);

  function pollEvents(request: express.Request, response: express.Response): void {
    const stream: SseStream = openSseStream(request, response, streamOptions);
    stream.send(frame('tallies', store.tallies()));
    const unsubscribe = store.subscribe((questionId, tally) => {
      stream.send(frame('tally', { questionId, tally }));
    });
    stream.onClose(unsubscribe);
  }

  function postVote(request: express.Request, response: express.Response): void {
    const input = parseVoteInput(request.body);
    if (!input.ok) {
      response.status(400).json({ error: input.error });
      return;
    }
    const { questionId, deviceId, optionId } = input.value;
    const result = store.vote(questionId, deviceId, optionId);
    if (!result.ok) {
      response.status(400).json({ error: result.error });
      return;
    }
    response.json({ questionId, optionId, tally: result.tally });
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
        resolve(address);
      });
    });
  }

  function close(): Promise<void> {
    stopSaving();
    return new Promise((resolve) => {
      httpServer.close(() => resolve());
      // Event streams never end by themselves; close them so the port is freed now.
      httpServer.closeAllConnections();
    });
  }

  return { store, listen, close };
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
    error: `No route for ${request.method} ${request.originalUrl}. Try GET /api/poll or POST /api/poll/votes.`,
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
