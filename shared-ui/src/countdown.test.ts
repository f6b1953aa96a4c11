import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoundView } from './countdown';
import { formatRemaining, renderCountdown, setRound } from './countdown';

const NOW = Date.parse('2026-11-29T09:00:00.000Z');

function round(changes: Partial<RoundView> = {}): RoundView {
  return { number: 1, phase: 'ideas', endsAt: '2026-11-29T09:08:00.000Z', ...changes };
}

function card(): HTMLElement {
  return document.querySelector('.countdown') as HTMLElement;
}

function time(): HTMLElement {
  return document.querySelector('[data-part="time"]') as HTMLElement;
}

function phase(): string | null | undefined {
  return document.querySelector('.countdown-phase')?.textContent;
}

function status(): string | null | undefined {
  return document.querySelector('.countdown-status')?.textContent;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
  document.body.innerHTML = '<div data-ui="countdown"></div>';
});

afterEach(() => {
  vi.clearAllTimers(); // a running countdown must not tick into the next test
  vi.useRealTimers();
});

describe('formatRemaining', () => {
  it.each([
    [480_000, '8:00'],
    [479_200, '8:00'],
    [61_000, '1:01'],
    [9_000, '0:09'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
  ])('shows %d ms as "%s" (rounded up, never below 0:00)', (remainingMs, text) => {
    expect(formatRemaining(remainingMs)).toBe(text);
  });
});

describe('countdown', () => {
  it('shows no time before a round starts, only "Waiting for the instructor to start a round"', () => {
    renderCountdown(document.querySelector('[data-ui="countdown"]') as HTMLElement);

    expect(time().hidden, 'no time shown').toBe(true);
    expect(status()).toBe('Waiting for the instructor to start a round');
    expect(card().dataset.state).toBe('waiting');
  });

  it('shows the phase and counts down from 8:00 every second', () => {
    setRound(round());

    expect(phase()).toBe('Ideas · round 1');
    expect([time().hidden, time().textContent]).toEqual([false, '8:00']);
    expect(card().dataset.state).toBe('running');

    vi.advanceTimersByTime(1_000);
    expect(time().textContent).toBe('7:59');
    vi.advanceTimersByTime(59_000);
    expect(time().textContent).toBe('7:00');
  });

  it.each([
    ['pair', 'Pair'],
    ['share', 'Share'],
  ] as const)('labels the %s phase "%s"', (roundPhase, label) => {
    setRound(round({ number: 2, phase: roundPhase }));

    expect(phase()).toBe(label);
  });

  it('ends calmly at 0:00 with "Time is up" and stops ticking', () => {
    setRound(round());

    vi.advanceTimersByTime(8 * 60_000);

    expect(time().textContent).toBe('0:00');
    expect(status()).toBe('Time is up');
    expect(card().dataset.state).toBe('over');
    expect(vi.getTimerCount(), 'no timer left running').toBe(0);
  });

  it("counts by the server's clock: with the server 30 s ahead, 7:30 are left", () => {
    setRound(round(), 30_000);

    expect(time().textContent).toBe('7:30');
  });

  it('shows a round that is already over as "Time is up" (a late joiner)', () => {
    setRound(round({ endsAt: '2026-11-29T08:59:00.000Z' }));

    expect([time().textContent, status()]).toEqual(['0:00', 'Time is up']);
  });

  it('replaces a running countdown instead of running two', () => {
    setRound(round());
    setRound(round({ number: 2, phase: 'pair', endsAt: '2026-11-29T09:04:00.000Z' }));

    expect(vi.getTimerCount(), 'one timer').toBe(1);
    expect(time().textContent).toBe('4:00');
  });

  it('goes back to waiting for null', () => {
    setRound(round());
    setRound(null);

    expect(time().hidden).toBe(true);
    expect(status()).toBe('Waiting for the instructor to start a round');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('throws a helpful error when index.html has no countdown container', () => {
    document.body.innerHTML = '';

    expect(() => setRound(round())).toThrow('shared-ui: add <div data-ui="countdown"></div> to index.html');
  });
});

describe('countdown in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('waits for the next round in German', () => {
    renderCountdown(document.querySelector('[data-ui="countdown"]') as HTMLElement);

    expect(phase()).toBe('Nächste Runde');
    expect(status()).toBe('Warte, bis die Kursleitung eine Runde startet');
  });

  it('names the phases and the round in German and ends with "Die Zeit ist um"', () => {
    setRound(round({ number: 2 }));
    expect([phase(), status()]).toEqual(['Ideen · Runde 2', 'Poste so viele Ideen wie möglich.']);

    setRound(round({ phase: 'pair' }));
    expect(phase()).toBe('Zu zweit');

    setRound(round({ phase: 'share', endsAt: '2026-11-29T08:59:00.000Z' }));
    expect([phase(), status()]).toEqual(['Teilen', 'Die Zeit ist um']);
  });
});
