// What the poll's event stream (`GET /api/poll/events?deck=…`) sends, shared by the server and the slides.
import type { PollQuestion } from './poll-questions';
import type { Tally } from './poll-store';

/** `event: poll`, the first event on every stream: all a poll slide needs, so it makes no other request. */
export interface PollHello {
  /** Where phones vote, with the machine's LAN address: `http://192.168.1.20:3040/vote?deck=workshop`. */
  voteUrl: string;
  questions: PollQuestion[];
  tallies: Record<string, Tally>;
  /** The idea board of the class server, when the poll server watches one. */
  board?: BoardView;
  /** What the presenter shows now: the phones that follow the talk need it at once, also after a reload. */
  stage: StageView;
}

/** `event: tally`, after every vote that changed a count. */
export interface TallyEvent {
  questionId: string;
  tally: Tally;
}

/**
 * `event: board`: the pub/sub talk's idea board for its workshop slide (QR code and live idea count), in the
 * hello and then after every change. `ideas` and `joined` are null while the board cannot be reached.
 */
export interface BoardView {
  /** Where phones open the board, e.g. `http://192.168.1.20:8000/05/`; empty while no class server is known. */
  pageUrl: string;
  ideas: number | null;
  joined: number | null;
}

/**
 * `event: stage`: what the presenter shows, for the phones that follow the talk. In the hello and after every
 * change: the presenter moved to a slide with other polls, or started or ended the break.
 */
export interface StageView {
  /** The poll questions of the presenter's slide ([] for a slide without a poll); null until a deck reported. */
  questions: string[] | null;
  /** When the break ends, on the server's clock (ms since 1970); null while no break was started. */
  breakEndsAt: number | null;
  /** The server's clock as it sent this, so a device whose own clock is off still shows the right time. */
  serverNow: number;
}
