// The vote page on the students' phones: every question of the talk (`?deck=`), one tap per answer.
import type { Language, PollQuestion } from '../poll-questions';

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
  },
  en: {
    title: 'Audience poll',
    saved: 'Saved. You can change your answer at any time.',
    failed: 'Not saved, please tap again.',
    offline: 'The poll server does not answer. Are you on the same Wi-Fi?',
    chooseTalk: 'Which talk? Scanning the QR code on the slide is easiest.',
  },
} satisfies Record<Language, Record<string, string>>;

const DEVICE_KEY = 'realtime-workshop.poll.device';
const CHOICES_KEY = 'realtime-workshop.poll.choices';

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
    const response = await fetch('/api/poll/votes', {
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
  try {
    const response = await fetch(`/api/poll?deck=${encodeURIComponent(deck)}`);
    if (response.status === 400) {
      // A mistyped ?deck=: offer the real ones.
      chooseTalk();
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const info = (await response.json()) as PollInfo;
    const choices = readChoices();
    // The question of the slide on the projector first, the others below it.
    const ordered = [...info.questions].sort(
      (a, b) => Number(b.id === focusedQuestion) - Number(a.id === focusedQuestion),
    );
    for (const question of ordered) app.append(renderQuestion(question, choices[choiceKey(question)]));
  } catch {
    const offline = document.createElement('p');
    offline.className = 'status error';
    offline.textContent = text.offline;
    app.append(offline);
  }
}

/** Opened as plain `/vote`: a link per talk, keeping the language. */
function chooseTalk(): void {
  const hint = document.createElement('p');
  hint.textContent = text.chooseTalk;
  const list = document.createElement('ul');
  list.className = 'talks';
  for (const talk of TALKS) {
    const link = document.createElement('a');
    link.href = `/vote?deck=${talk.deck}&lang=${language}`;
    link.textContent = talk.title[language];
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  app.append(hint, list);
}

void start();
