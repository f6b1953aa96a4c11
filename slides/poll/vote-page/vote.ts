// The vote page on the students' phones: every question of the talk, one tap per answer.
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
  },
  en: {
    title: 'Audience poll',
    saved: 'Saved. You can change your answer at any time.',
    failed: 'Not saved, please tap again.',
    offline: 'The poll server does not answer. Are you on the same Wi-Fi?',
  },
} satisfies Record<Language, Record<string, string>>;

const DEVICE_KEY = 'realtime-workshop.poll.device';
const CHOICES_KEY = 'realtime-workshop.poll.choices';

const params = new URLSearchParams(window.location.search);
const language: Language = readLanguage(params.get('lang'));
const focusedQuestion = params.get('q');
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

function readLanguage(requested: string | null): Language {
  if (requested === 'de' || requested === 'en') return requested;
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

async function vote(question: PollQuestion, optionId: string, card: HTMLElement): Promise<void> {
  const status = card.querySelector('.status') as HTMLElement;
  try {
    const response = await fetch('/api/poll/votes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ questionId: question.id, optionId, deviceId: deviceId() }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const choices = readChoices();
    choices[question.id] = optionId;
    localStorage.setItem(CHOICES_KEY, JSON.stringify(choices));
    for (const button of card.querySelectorAll<HTMLButtonElement>('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.option === optionId));
    }
    status.className = 'status';
    status.textContent = text.saved;
  } catch {
    status.className = 'status error';
    status.textContent = text.failed;
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
  try {
    const response = await fetch('/api/poll');
    const info = (await response.json()) as PollInfo;
    const choices = readChoices();
    // The question of the slide on the projector first, the others below it.
    const ordered = [...info.questions].sort(
      (a, b) => Number(b.id === focusedQuestion) - Number(a.id === focusedQuestion),
    );
    for (const question of ordered) app.append(renderQuestion(question, choices[question.id]));
  } catch {
    const offline = document.createElement('p');
    offline.className = 'status error';
    offline.textContent = text.offline;
    app.append(offline);
  }
}

void start();
