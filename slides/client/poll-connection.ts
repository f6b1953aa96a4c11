// The slides' side of the audience poll: ONE event stream for every poll on every slide. A stream per
// poll component would soon use up HTTP/1.1's six connections per origin, the limit the SSE slides explain.
import type { PollQuestion } from '../poll/poll-questions';
import type { Tally } from '../poll/poll-store';

export type PollStatus = 'connecting' | 'open' | 'offline';

export interface PollView {
  status: PollStatus;
  /** Where phones vote, with the machine's LAN address: `http://192.168.1.20:3040/vote`. */
  voteUrl: string;
  questions: Record<string, PollQuestion>;
  tallies: Record<string, Tally>;
}

type PollListener = (view: PollView) => void;

const view: PollView = { status: 'connecting', voteUrl: '', questions: {}, tallies: {} };
const listeners = new Set<PollListener>();
let source: EventSource | undefined;

/** Calls `listener` now and after every change; the first subscriber opens the stream. */
export function subscribeToPoll(listener: PollListener): () => void {
  listeners.add(listener);
  listener(view);
  if (!source) void connect();
  return () => {
    listeners.delete(listener);
  };
}

async function connect(): Promise<void> {
  // The same origin in both modes: the dev server forwards /api/poll, the poll server serves built decks.
  source = new EventSource('/api/poll/events');
  source.addEventListener('open', () => update({ status: 'open' }));
  source.addEventListener('error', () => update({ status: 'offline' }));
  source.addEventListener('tallies', (event) => {
    update({ tallies: JSON.parse(event.data) as Record<string, Tally> });
  });
  source.addEventListener('tally', (event) => {
    const { questionId, tally } = JSON.parse(event.data) as { questionId: string; tally: Tally };
    update({ tallies: { ...view.tallies, [questionId]: tally } });
  });
  try {
    const response = await fetch('/api/poll');
    if (!response.ok) throw new Error(`GET /api/poll answered HTTP ${response.status}`);
    const info = (await response.json()) as { voteUrl: string; questions: PollQuestion[] };
    update({
      voteUrl: info.voteUrl,
      questions: Object.fromEntries(info.questions.map((question) => [question.id, question])),
    });
  } catch {
    update({ status: 'offline' });
  }
}

function update(change: Partial<PollView>): void {
  Object.assign(view, change);
  for (const listener of listeners) listener({ ...view });
}
