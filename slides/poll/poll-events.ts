// What the poll's event stream (`GET /api/poll/events?deck=…`) sends, shared by the server and the slides.
import type { PollQuestion } from './poll-questions';
import type { Tally } from './poll-store';

/** `event: poll`, the first event on every stream: all a poll slide needs, so it makes no other request. */
export interface PollHello {
  /** Where phones vote, with the machine's LAN address: `http://192.168.1.20:3040/vote?deck=workshop`. */
  voteUrl: string;
  questions: PollQuestion[];
  tallies: Record<string, Tally>;
}

/** `event: tally`, after every vote that changed a count. */
export interface TallyEvent {
  questionId: string;
  tally: Tally;
}
