import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import { localized } from './language';

/** The three phases of the workshop format: "8 ideas in 8 minutes", then Pair, then Share. */
export type RoundPhase = 'ideas' | 'pair' | 'share';

/** A round as the countdown shows it: the same shape the app backend sends. */
export interface RoundView {
  /** 1 for the first round. */
  number: number;
  phase: RoundPhase;
  /** ISO 8601: the moment every page counts down to. */
  endsAt: string;
}

const TEXT = {
  en: {
    phases: { ideas: 'Ideas', pair: 'Pair', share: 'Share' },
    hints: {
      ideas: 'Post as many ideas as you can.',
      pair: 'Team up with your neighbour and pick your favourite idea.',
      share: 'Present your favourite idea to everyone.',
    },
    round: (label: string, number: number) => `${label} · round ${number}`,
    nextRound: 'Next round',
    waiting: 'Waiting for the instructor to start a round',
    timeIsUp: 'Time is up',
  },
  de: {
    phases: { ideas: 'Ideen', pair: 'Zu zweit', share: 'Teilen' },
    hints: {
      ideas: 'Poste so viele Ideen wie möglich.',
      pair: 'Tu dich mit der Person neben dir zusammen: Wählt gemeinsam eure Lieblingsidee.',
      share: 'Stellt allen eure Lieblingsidee vor.',
    },
    round: (label: string, number: number) => `${label} · Runde ${number}`,
    nextRound: 'Nächste Runde',
    waiting: 'Warte, bis die Kursleitung eine Runde startet',
    timeIsUp: 'Die Zeit ist um',
  },
};

// At most one tick is pending; setRound replaces it, so two rounds never count down at once.
let tickTimer: ReturnType<typeof setTimeout> | undefined;

/** Builds the countdown card in its waiting state: no time shown before a round starts. */
export function renderCountdown(container: HTMLElement): void {
  const time = createElement('p', { className: 'countdown-time' });
  time.dataset.part = 'time';
  time.hidden = true;

  const text = localized(TEXT);
  const status = createElement('p', { className: 'countdown-status', text: text.waiting });
  status.setAttribute('role', 'status'); // the phase change and "Time is up" are read aloud, not every second

  const card = createElement('section', { className: 'card countdown' });
  card.dataset.state = 'waiting';
  card.append(createElement('h2', { className: 'countdown-phase', text: text.nextRound }), time, status);
  container.append(card);
}

/**
 * Shows the round's phase ("Ideas · round 1", "Pair", "Share") and counts down to `endsAt` as `m:ss`,
 * updating itself every second; at the end it shows "0:00" and "Time is up". `null`: no round yet.
 * `clockOffsetMs` is the server's clock minus this computer's, so every page reaches 0:00 together.
 */
export function setRound(round: RoundView | null, clockOffsetMs = 0): void {
  const card = getCountdownCard();
  clearTimeout(tickTimer);
  tickTimer = undefined;

  if (!round) {
    const text = localized(TEXT);
    card.dataset.state = 'waiting';
    findPart(card, '.countdown-phase').textContent = text.nextRound;
    findPart<HTMLElement>(card, '.countdown-time').hidden = true;
    findPart(card, '.countdown-status').textContent = text.waiting;
    return;
  }

  findPart(card, '.countdown-phase').textContent = phaseLabel(round);
  findPart<HTMLElement>(card, '.countdown-time').hidden = false;
  tick(card, round, Date.parse(round.endsAt), clockOffsetMs);
}

/** Remaining time as `m:ss`, rounded up: 7:59.2 left shows "8:00", so "0:00" appears exactly at the end. */
export function formatRemaining(remainingMs: number): string {
  const seconds = Number.isFinite(remainingMs) ? Math.max(0, Math.ceil(remainingMs / 1000)) : 0;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function getCountdownCard(): HTMLElement {
  return findPart<HTMLElement>(getRenderedContainer('countdown', renderCountdown), '.countdown');
}

function phaseLabel(round: RoundView): string {
  const text = localized(TEXT);
  const label = text.phases[round.phase] ?? round.phase;
  return round.phase === 'ideas' ? text.round(label, round.number) : label;
}

function tick(card: HTMLElement, round: RoundView, endsAtMs: number, clockOffsetMs: number): void {
  // The server's "now", so a laptop whose clock is a minute off still ends with everyone else.
  const remainingMs = endsAtMs - (Date.now() + clockOffsetMs);
  const running = remainingMs > 0;
  card.dataset.state = running ? 'running' : 'over';
  findPart(card, '.countdown-time').textContent = formatRemaining(remainingMs);

  const status = findPart(card, '.countdown-status');
  const text = localized(TEXT);
  const statusText = running ? (text.hints[round.phase] ?? '') : text.timeIsUp;
  // Only write on change: rewriting a role="status" every second would make screen readers repeat it.
  if (status.textContent !== statusText) status.textContent = statusText;

  if (!running) return;
  // Wake up just when the shown second changes: (remaining − 1) mod 1000, plus 1 ms.
  const delayMs = ((remainingMs - 1) % 1000) + 1;
  tickTimer = setTimeout(() => tick(card, round, endsAtMs, clockOffsetMs), delayMs);
}
