// The slides' side of the audience poll: ONE event stream for every poll on every slide. A stream per
// poll component would soon use up HTTP/1.1's six connections per origin, the limit the SSE slides explain.

import type { BoardView, PollHello, StageView, TallyEvent } from '../poll/poll-events';
import type { PollDeck, PollQuestion } from '../poll/poll-questions';
import type { Tally } from '../poll/poll-store';
import { clockOffsetMs } from '../poll/vote-page/countdown';

export type PollStatus = 'connecting' | 'open' | 'offline';

export interface PollView {
  status: PollStatus;
  /** Where phones vote, with the machine's LAN address: `http://192.168.1.20:3040/vote?deck=workshop`. */
  voteUrl: string;
  questions: Record<string, PollQuestion>;
  tallies: Record<string, Tally>;
  /** The class server's idea board (the pub/sub talk's workshop slide), when the poll server watches one. */
  board?: BoardView | undefined;
  /** What the presenter shows: the break's end, for the countdown on the break slide. */
  stage?: StageView | undefined;
  /** How far this browser's clock is off the poll server's (see countdown.ts). */
  clockOffsetMs: number;
}

type PollListener = (view: PollView) => void;

/** Waits before reconnecting a stream the browser gave up on: 1 s, 2 s, 4 s … up to 30 s. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/** What a component shows before the stream's first event. */
export const INITIAL_POLL_VIEW: Readonly<PollView> = {
  status: 'connecting',
  voteUrl: '',
  questions: {},
  tallies: {},
  clockOffsetMs: 0,
};

const view: PollView = { ...INITIAL_POLL_VIEW };
const listeners = new Set<PollListener>();
let source: EventSource | undefined;
let retryMs = FIRST_RETRY_MS;

/** Calls `listener` now and after every change; the first subscriber opens the stream of its talk. */
export function subscribeToPoll(deck: PollDeck, listener: PollListener): () => void {
  listeners.add(listener);
  listener({ ...view });
  if (!source) connect(deck);
  return () => {
    listeners.delete(listener);
  };
}

function connect(deck: PollDeck): void {
  // The same origin in both modes: the dev server forwards /api/poll, the poll server serves built decks.
  const current = new EventSource(`/api/poll/events?deck=${deck}`);
  source = current;
  current.addEventListener('open', () => update({ status: 'open' }));
  // The first event of every (re)connection has everything: the vote URL, the questions and the counts.
  current.addEventListener('poll', (event) => {
    const hello = JSON.parse(event.data) as PollHello;
    retryMs = FIRST_RETRY_MS;
    update({
      status: 'open',
      voteUrl: hello.voteUrl,
      questions: Object.fromEntries(hello.questions.map((question) => [question.id, question])),
      tallies: hello.tallies,
      board: hello.board,
      stage: hello.stage,
      clockOffsetMs: clockOffsetMs(hello.stage.serverNow, Date.now()),
    });
  });
  current.addEventListener('stage', (event) => {
    const stage = JSON.parse(event.data) as StageView;
    update({ stage, clockOffsetMs: clockOffsetMs(stage.serverNow, Date.now()) });
  });
  current.addEventListener('board', (event) => {
    update({ board: JSON.parse(event.data) as BoardView });
  });
  current.addEventListener('tally', (event) => {
    const { questionId, tally } = JSON.parse(event.data) as TallyEvent;
    update({ tallies: { ...view.tallies, [questionId]: tally } });
  });
  current.addEventListener('error', () => {
    update({ status: 'offline' });
    // CONNECTING: the browser retries by itself. CLOSED (an error status such as 503, or a proxy's 502 while
    // the poll server restarts): it has given up, so we open a new stream after a growing pause.
    if (current.readyState !== EventSource.CLOSED) return;
    current.close();
    const delay = retryMs;
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    setTimeout(() => {
      if (source === current) connect(deck);
    }, delay);
  });
}

function update(change: Partial<PollView>): void {
  Object.assign(view, change);
  for (const listener of listeners) listener({ ...view });
}
