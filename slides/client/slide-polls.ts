// Which poll questions each slide shows, as the <Poll> components on it say when they mount. The presenter's
// deck reports the current slide's questions to the poll server, so the phones that follow show the same poll.

const questionsBySlide = new Map<number, string[]>();
const listeners = new Set<() => void>();

/** A <Poll> on slide `slide` shows `question`; returns the function that forgets it again. */
export function registerSlidePoll(slide: number, question: string): () => void {
  questionsBySlide.set(slide, [...pollsOnSlide(slide), question]);
  changed();
  return () => {
    const left = pollsOnSlide(slide).filter((each) => each !== question);
    if (left.length > 0) questionsBySlide.set(slide, left);
    else questionsBySlide.delete(slide);
    changed();
  };
}

/** The questions on slide `slide`, in the order their polls mounted; [] for a slide without a poll. */
export function pollsOnSlide(slide: number): string[] {
  return questionsBySlide.get(slide) ?? [];
}

/** Calls `listener` whenever a poll mounts or unmounts; returns the function that stops it. */
export function onSlidePollsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function changed(): void {
  for (const listener of listeners) listener();
}
