// The vote page on the students' phones: every question of the talk (`?deck=`), one tap per answer. It follows
// the presenter: it shows the poll of the slide on the projector, and the break countdown while one runs.
// Its URLs are relative: the same page works at `/vote` and under the class server's `/poll/vote`.
import type { PollHello, StageView } from '../poll-events';
import type { Language, PollQuestion } from '../poll-questions';
import { clockOffsetMs, formatCountdown, remainingMs } from './countdown.js';

interface PollInfo {
  questions: PollQuestion[];
}

const TEXT = {
  de: {
    title: 'Stimmungsbild',
    saved: 'Gespeichert. Du kannst deine Antwort jederzeit ändern.',
    failed: 'Nicht gespeichert, bitte nochmal tippen.',
    offline: 'Der Poll-Server antwortet nicht. Bist du im selben WLAN?',
    chooseTalk: 'Welcher Vortrag? Am einfachsten scannst du den QR-Code auf der Folie.',
    follow: 'Der Folie folgen',
    waiting: 'Auf der Folie ist gerade keine Umfrage. Die nächste erscheint hier von selbst.',
    breakTitle: 'Pause',
    breakHint: 'Die Zeit läuft auch auf dem Beamer. Danach geht es hier weiter.',
  },
  en: {
    title: 'Audience poll',
    saved: 'Saved. You can change your answer at any time.',
    failed: 'Not saved, please tap again.',
    offline: 'The poll server does not answer. Are you on the same Wi-Fi?',
    chooseTalk: 'Which talk? Scanning the QR code on the slide is easiest.',
    follow: 'Follow the slides',
    waiting: 'No poll on the slide right now. The next one appears here by itself.',
    breakTitle: 'Break',
    breakHint: 'The same time runs on the projector. We go on here afterwards.',
  },
} satisfies Record<Language, Record<string, string>>;

const DEVICE_KEY = 'realtime-workshop.poll.device';
const CHOICES_KEY = 'realtime-workshop.poll.choices';
const FOLLOW_KEY = 'realtime-workshop.poll.follow';
/** Waits before opening a new event stream after the browser gave up on one: 1 s, 2 s … up to 30 s. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

const params = new URLSearchParams(window.location.search);
const language: Language = readLanguage(params.get('lang'));
const focusedQuestion = params.get('q');
const deck = params.get('deck');
/** The talks, for a vote URL typed without `?deck=`; the server checks the name. */
const TALKS = [
  {
    deck: 'workshop',
    title: { de: 'Echtzeit-Kommunikation (Workshop)', en: 'Real-time communication (workshop)' },
  },
  { deck: 'pubsub', title: { de: 'WebSocket API in Stud.IP', en: 'A WebSocket API for Stud.IP' } },
];
const text = TEXT[language];
const app = document.getElementById('app') as HTMLElement;

document.documentElement.lang = language;
document.title = text.title;

/** What the presenter shows (from the event stream), and how far this phone's clock is off the server's. */
let stage: StageView | undefined;
let offsetMs = 0;
let following = localStorage.getItem(FOLLOW_KEY) !== 'off';
let breakTimer: ReturnType<typeof setInterval> | undefined;
let retryMs = FIRST_RETRY_MS;

/** A random id for this browser; crypto.randomUUID needs HTTPS, getRandomValues does not. */
function deviceId(): string {
  const stored = localStorage.getItem(DEVICE_KEY);
  if (stored) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  localStorage.setItem(DEVICE_KEY, id);
  return id;
}

function readChoices(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(CHOICES_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The talks ask some of the same questions; each keeps its own answer on the phone. */
function choiceKey(question: PollQuestion): string {
  return `${deck}:${question.id}`;
}

function readLanguage(requested: string | null): Language {
  if (requested === 'de' || requested === 'en') return requested;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

async function vote(question: PollQuestion, optionId: string, card: HTMLElement): Promise<void> {
  const status = card.querySelector('.status') as HTMLElement;
  const buttons = card.querySelectorAll<HTMLButtonElement>('button');
  // One vote at a time per question: a second tap while the first is on its way would race it.
  for (const button of buttons) button.disabled = true;
  card.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch('api/poll/votes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ deck, questionId: question.id, optionId, deviceId: deviceId() }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const choices = readChoices();
    choices[choiceKey(question)] = optionId;
    localStorage.setItem(CHOICES_KEY, JSON.stringify(choices));
    for (const button of card.querySelectorAll<HTMLButtonElement>('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.option === optionId));
    }
    status.className = 'status';
    status.textContent = text.saved;
  } catch {
    status.className = 'status error';
    status.textContent = text.failed;
  } finally {
    for (const button of buttons) button.disabled = false;
    card.removeAttribute('aria-busy');
  }
}

function renderQuestion(question: PollQuestion, chosen: string | undefined): HTMLElement {
  const card = document.createElement('section');
  card.className = question.id === focusedQuestion ? 'question focused' : 'question';
  card.dataset.question = question.id;
  const heading = document.createElement('h2');
  heading.textContent = question.prompt[language];
  const options = document.createElement('div');
  options.className = 'options';
  for (const option of question.options) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.option = option.id;
    button.textContent = option.label[language];
    button.setAttribute('aria-pressed', String(option.id === chosen));
    button.addEventListener('click', () => vote(question, option.id, card));
    options.append(button);
  }
  const status = document.createElement('p');
  status.className = 'status';
  card.append(heading, options, status);
  return card;
}

async function start(): Promise<void> {
  const heading = document.createElement('h1');
  heading.textContent = text.title;
  app.replaceChildren(heading);
  if (!deck) {
    chooseTalk();
    return;
  }
  let info: PollInfo;
  try {
    const response = await fetch(`api/poll?deck=${encodeURIComponent(deck)}`);
    if (response.status === 400) {
      // A mistyped ?deck=: offer the real ones.
      chooseTalk();
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    info = (await response.json()) as PollInfo;
  } catch {
    const offline = document.createElement('p');
    offline.className = 'status error';
    offline.textContent = text.offline;
    app.append(offline);
    return;
  }
  const choices = readChoices();
  // The question of the slide the QR code was on first, the others below it.
  const ordered = [...info.questions].sort(
    (a, b) => Number(b.id === focusedQuestion) - Number(a.id === focusedQuestion),
  );
  app.append(renderFollowSwitch(), renderBreakPanel(), renderWaitingNote());
  for (const question of ordered) app.append(renderQuestion(question, choices[choiceKey(question)]));
  watchStage(deck);
}

function renderFollowSwitch(): HTMLElement {
  const label = document.createElement('label');
  label.className = 'follow';
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  checkbox.dataset.ui = 'follow';
  checkbox.checked = following;
  checkbox.addEventListener('change', () => {
    following = checkbox.checked;
    localStorage.setItem(FOLLOW_KEY, following ? 'on' : 'off');
    showStage();
  });
  label.append(checkbox, ` ${text.follow}`);
  return label;
}

function renderBreakPanel(): HTMLElement {
  const panel = document.createElement('section');
  panel.className = 'break';
  panel.dataset.ui = 'break';
  panel.hidden = true;
  const title = document.createElement('h2');
  title.textContent = text.breakTitle;
  const clock = document.createElement('p');
  clock.className = 'break-clock';
  clock.dataset.ui = 'break-clock';
  const hint = document.createElement('p');
  hint.className = 'break-hint';
  hint.textContent = text.breakHint;
  panel.append(title, clock, hint);
  return panel;
}

function renderWaitingNote(): HTMLElement {
  const note = document.createElement('p');
  note.className = 'waiting';
  note.dataset.ui = 'waiting';
  note.hidden = true;
  note.textContent = text.waiting;
  return note;
}

/** One event stream for what the presenter shows; voting works without it, only following does not. */
function watchStage(talk: string): void {
  const source = new EventSource(`api/poll/events?deck=${encodeURIComponent(talk)}`);
  // The first event of every (re)connection has the stage as it is now, also the break after a reload.
  source.addEventListener('poll', (event) => {
    retryMs = FIRST_RETRY_MS;
    receiveStage((JSON.parse(event.data) as PollHello).stage);
  });
  source.addEventListener('stage', (event) => receiveStage(JSON.parse(event.data) as StageView));
  source.addEventListener('error', () => {
    // CONNECTING: the browser retries by itself. CLOSED (the room is full: 503, or 429): we try again later.
    if (source.readyState !== EventSource.CLOSED) return;
    source.close();
    setTimeout(() => watchStage(talk), retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  });
}

function receiveStage(next: StageView): void {
  stage = next;
  offsetMs = clockOffsetMs(next.serverNow, Date.now());
  showStage();
}

/** Following: only the questions of the presenter's slide. Not following, or no slide known yet: all of them. */
function showStage(): void {
  const onSlide = questionsOnSlide();
  for (const card of app.querySelectorAll<HTMLElement>('.question')) {
    card.hidden = onSlide !== undefined && !onSlide.has(card.dataset.question ?? '');
  }
  showBreak();
  showWaiting();
}

function questionsOnSlide(): Set<string> | undefined {
  return following && stage?.questions ? new Set(stage.questions) : undefined;
}

/** "No poll on the slide right now", unless the break countdown says it all. */
function showWaiting(): void {
  const waiting = app.querySelector<HTMLElement>('[data-ui="waiting"]');
  const breakShown = app.querySelector<HTMLElement>('[data-ui="break"]')?.hidden === false;
  if (waiting) waiting.hidden = questionsOnSlide()?.size !== 0 || breakShown;
}

function showBreak(): void {
  clearInterval(breakTimer);
  const endsAt = stage?.breakEndsAt ?? null;
  const panel = app.querySelector<HTMLElement>('[data-ui="break"]');
  const clock = app.querySelector<HTMLElement>('[data-ui="break-clock"]');
  if (!panel || !clock) return;
  const tick = () => {
    const left = endsAt === null ? 0 : remainingMs(endsAt, offsetMs, Date.now());
    clock.textContent = formatCountdown(left);
    const wasShown = !panel.hidden;
    panel.hidden = left === 0;
    if (left > 0) return;
    clearInterval(breakTimer);
    if (wasShown) showWaiting();
  };
  tick();
  // A quarter second: the display changes within 250 ms of the projector's.
  if (!panel.hidden) breakTimer = setInterval(tick, 250);
}

/** Opened as plain `/vote`: a link per talk, keeping the language. */
function chooseTalk(): void {
  const hint = document.createElement('p');
  hint.textContent = text.chooseTalk;
  const list = document.createElement('ul');
  list.className = 'talks';
  for (const talk of TALKS) {
    const link = document.createElement('a');
    link.href = `vote?deck=${talk.deck}&lang=${language}`;
    link.textContent = talk.title[language];
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  app.append(hint, list);
}

void start();
