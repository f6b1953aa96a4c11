// The presenter's side of the stage: which slide's polls the phones show, and the break countdown. The poll
// server takes both only from its own laptop; a phone that opens the deck over the LAN only watches.
import type { PollDeck } from '../poll/poll-questions';

/** The deck runs on the presenter's laptop: opened as localhost, as the poll server serves it there. */
export function isPresenterScreen(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}

let lastReport = '';
/** Reports go one after the other: two in flight could arrive swapped and leave the phones on the old slide. */
let sending: Promise<void> = Promise.resolve();

/** Tells the poll server the questions of the slide now shown; the same report twice is sent once. */
export function reportSlide(deck: PollDeck, questions: readonly string[]): Promise<void> {
  const body = JSON.stringify({ deck, questions });
  if (body === lastReport) return sending;
  lastReport = body;
  sending = sending.then(async () => {
    try {
      await postStage('slide', body);
    } catch {
      // The poll server is down: the next slide change tries again.
      lastReport = '';
    }
  });
  return sending;
}

/** Starts the break countdown on the projector and every phone; 0 minutes ends it. */
export async function setBreak(deck: PollDeck, minutes: number): Promise<void> {
  await postStage('break', JSON.stringify({ deck, minutes }));
}

async function postStage(what: 'slide' | 'break', body: string): Promise<void> {
  const response = await fetch(`/api/poll/stage/${what}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  if (!response.ok) {
    const { error } = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(error ?? `The poll server answered ${response.status}.`);
  }
}
