// The instructor's console in the browser: the room's traffic per exercise, a form that pushes a notification
// to every page (01–03), the class chat's moderation (04: write as Instructor, delete, mute, slow mode, clear;
// the chat itself live over 04's WebSocket), the idea board's rounds and alerts (05), both with the instructor's
// key, which the class server gave 04 and 05 too, and the progress board: the last `pnpm verify` of every
// student who shares it, one table per exercise, live over one SSE stream.
// Names and titles come from the network: set as text, never as HTML.
import type {
  ChatMessage,
  ModerationAction,
  ModerationState,
  ServerEnvelope,
} from '../../solutions/04-websocket-chat/protocol/messages';
import type { ConsoleEvents, RouteTraffic, StudentProgress } from '../server/progress-messages';

const TEXT = {
  en: {
    needsKey: 'Open this page with the address pnpm class printed: …/instructor#key=…',
    live: 'Live: every pnpm verify that is shared appears here.',
    lost: 'The connection to the class server is lost; trying again …',
    refused: 'The class server refused the key, or stopped. Check the address pnpm class printed.',
    empty: 'No results yet: students who run pnpm verify with the class server appear here.',
    exercise: 'Exercise',
    student: 'Student',
    passed: 'Passed',
    updated: 'Updated',
    path: 'Path',
    webSockets: 'WebSockets',
    eventStreams: 'SSE streams',
    openRequests: 'Waiting (long polls)',
    requestsLastMinute: 'Requests / min',
    pushed: (count: number) => `Pushed to ${count} exercises.`,
    sent: 'Sent.',
    roundStarted: (phase: string, endsAt: string) => `Round "${phase}" runs until ${endsAt}.`,
    noMessages: 'No messages in the chat.',
    delete: 'Delete',
    mute: (name: string) => `Mute ${name}`,
    unmute: 'Unmute',
    chatRules: (seconds: number) =>
      seconds === 0 ? 'Slow mode is off.' : `Slow mode: ${seconds} s per name.`,
  },
  de: {
    needsKey: 'Öffne diese Seite mit der Adresse, die pnpm class ausgegeben hat: …/instructor#key=…',
    live: 'Live: Jedes geteilte pnpm verify erscheint hier.',
    lost: 'Die Verbindung zum Klassen-Server ist weg; neuer Versuch …',
    refused:
      'Der Klassen-Server hat den Schlüssel abgelehnt oder läuft nicht mehr. Prüf die Adresse von pnpm class.',
    empty: 'Noch keine Ergebnisse: Wer pnpm verify mit dem Klassen-Server ausführt, erscheint hier.',
    exercise: 'Übung',
    student: 'Name',
    passed: 'Bestanden',
    updated: 'Aktualisiert',
    path: 'Pfad',
    webSockets: 'WebSockets',
    eventStreams: 'SSE-Streams',
    openRequests: 'Wartend (Long Polls)',
    requestsLastMinute: 'Anfragen / min',
    pushed: (count: number) => `An ${count} Übungen geschickt.`,
    sent: 'Gesendet.',
    roundStarted: (phase: string, endsAt: string) => `Runde „${phase}“ läuft bis ${endsAt}.`,
    noMessages: 'Keine Nachrichten im Chat.',
    delete: 'Löschen',
    mute: (name: string) => `${name} stummschalten`,
    unmute: 'Wieder zulassen',
    chatRules: (seconds: number) =>
      seconds === 0 ? 'Langsamer Modus ist aus.' : `Langsamer Modus: ${seconds} s pro Name.`,
  },
} as const;

const SYMBOL = { passed: '✓', failed: '✗', skipped: '–' } as const;

const text = document.documentElement.lang === 'de' ? TEXT.de : TEXT.en;
const status = requireElement('status');
const board = requireElement('board');
const room = requireElement('room');
/** The exercises whose pages show notifications: the push form sends to each. */
const NOTIFICATION_PREFIXES = ['/01', '/02', '/03'];
const rows = new Map<string, StudentProgress>();
/** 04's WebSocket chat, the task's: the console moderates that room. */
const CHAT_PREFIX = '/04';
/** The newest messages the console lists, enough to find the one to delete. */
const CHAT_LOG_LENGTH = 15;
let chatMessages: ChatMessage[] = [];

start();

function start(): void {
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (!key) {
    showStatus(text.needsKey, true);
    return;
  }
  setUpForms();
  setUpChat(key);
  setUpBoardForms(key);
  const events = new EventSource(`/instructor/events?key=${encodeURIComponent(key)}`);
  events.addEventListener('open', () => showStatus(text.live, false));
  events.addEventListener('snapshot', (event) => {
    rows.clear();
    for (const progress of readData<ConsoleEvents['snapshot']>(event)) rows.set(rowKey(progress), progress);
    render();
  });
  events.addEventListener('progress', (event) => {
    const progress = readData<ConsoleEvents['progress']>(event);
    rows.set(rowKey(progress), progress);
    render();
  });
  events.addEventListener('room', (event) => renderRoom(readData<ConsoleEvents['room']>(event)));
  events.addEventListener('error', () => {
    // A refused key (401) closes the stream for good; a lost connection is retried by the browser.
    showStatus(events.readyState === EventSource.CLOSED ? text.refused : text.lost, true);
  });
}

function renderRoom(traffic: RouteTraffic[]): void {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of [
    text.path,
    text.webSockets,
    text.eventStreams,
    text.openRequests,
    text.requestsLastMinute,
  ]) {
    head.append(element('th', title));
  }
  const body = table.createTBody();
  for (const route of traffic) {
    const row = body.insertRow();
    row.dataset.path = route.prefix;
    row.append(element('td', route.prefix, 'path'));
    for (const count of [
      route.webSockets,
      route.eventStreams,
      route.openRequests,
      route.requestsLastMinute,
    ]) {
      row.append(element('td', String(count), 'number'));
    }
  }
  room.replaceChildren(table);
}

/** The push and chat forms post through the class server, as any page of the room would. */
function setUpForms(): void {
  const push = requireForm('push');
  push.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = new FormData(push);
    const notification = {
      title: String(fields.get('title') ?? ''),
      message: String(fields.get('message') ?? ''),
      ...(fields.get('progress') ? { type: 'progress' } : {}),
    };
    const answers = await Promise.all(
      NOTIFICATION_PREFIXES.map((prefix) => postJson(`${prefix}/notifications`, notification)),
    );
    const problem = answers.find((answer) => !answer.ok);
    if (problem && !problem.ok) {
      showResult(push, problem.error, true);
      return;
    }
    showResult(push, text.pushed(NOTIFICATION_PREFIXES.length), false);
  });
}

/** 04's moderation: the instructor's messages, slow mode, clearing; and the live list to delete and mute from. */
function setUpChat(key: string): void {
  const chat = requireForm('chat');
  chat.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = String(new FormData(chat).get('message') ?? '');
    showAnswer(chat, await moderate({ action: 'say', message }, key), text.sent);
  });
  const moderation = requireForm('moderation');
  moderation.addEventListener('submit', async (event) => {
    event.preventDefault();
    const action = (event.submitter as HTMLButtonElement | null)?.value;
    const seconds = Number(new FormData(moderation).get('seconds') ?? 0);
    await moderate(action === 'clear' ? { action: 'clear' } : { action: 'slow', seconds }, key);
  });
  void loadModeration(key);
  watchChat(key);
}

/** Sends one moderation action; the answer (the chat's rules now) or the problem shows in the panel. */
async function moderate(action: ModerationAction, key: string): Promise<PostAnswer> {
  const answer = await postJson(`${CHAT_PREFIX}/moderation`, action, key);
  const form = requireForm('moderation');
  if (!answer.ok) {
    showResult(form, answer.error, true);
    return answer;
  }
  showRules(answer.body as ModerationState, key);
  return answer;
}

async function loadModeration(key: string): Promise<void> {
  try {
    const response = await fetch(`${CHAT_PREFIX}/moderation`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    if (response.ok) showRules((await response.json()) as ModerationState, key);
  } catch {
    // The chat's server is not up yet: the first action shows the rules.
  }
}

function showRules(state: ModerationState, key: string): void {
  const form = requireForm('moderation');
  showResult(form, text.chatRules(state.slowModeSeconds), false);
  const select = form.querySelector('select');
  if (select) select.value = String(state.slowModeSeconds);
  const muted = requireElement('muted');
  muted.replaceChildren();
  if (state.muted.length === 0) muted.textContent = '–';
  for (const name of state.muted) {
    muted.append(element('span', name, 'muted-name'));
    muted.append(smallButton(text.unmute, () => moderate({ action: 'unmute', username: name }, key)));
  }
}

/** The chat as every page gets it, over 04's WebSocket on this server; a lost connection is opened again. */
function watchChat(key: string): void {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}${CHAT_PREFIX}`);
  socket.addEventListener('message', (event) => {
    receiveChat(JSON.parse(String(event.data)) as ServerEnvelope, key);
  });
  // The class server starts 04 beside the console; a few seconds is a calm pace for a console.
  socket.addEventListener('close', () => setTimeout(() => watchChat(key), 3_000));
}

function receiveChat(envelope: ServerEnvelope, key: string): void {
  if (envelope.event === 'chat.initial') chatMessages = envelope.data;
  if (envelope.event === 'chat.message') {
    const removed = new Set(envelope.data.removes ?? []);
    chatMessages = [...chatMessages.filter((message) => !removed.has(message.id)), envelope.data];
  }
  chatMessages = chatMessages.slice(-CHAT_LOG_LENGTH);
  renderChatLog(key);
}

function renderChatLog(key: string): void {
  const log = requireElement('chat-log');
  log.replaceChildren();
  if (chatMessages.length === 0) log.append(element('li', text.noMessages, 'empty'));
  for (const message of chatMessages) {
    const item = document.createElement('li');
    item.dataset.messageId = message.id;
    item.append(element('span', message.username, 'author'), element('span', message.message, 'text'));
    if (message.username !== 'Instructor') {
      item.append(
        smallButton(text.delete, () => moderate({ action: 'delete', id: message.id }, key)),
        smallButton(text.mute(message.username), () =>
          moderate({ action: 'mute', username: message.username }, key),
        ),
      );
    }
    log.append(item);
  }
  log.scrollTop = log.scrollHeight;
}

function smallButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = element('button', label, 'small');
  button.type = 'button';
  button.addEventListener('click', onClick);
  return button;
}

/** 05's instructor routes: a round for every board, and alerts; 05's app checks the key. */
function setUpBoardForms(key: string): void {
  const round = requireForm('round');
  round.addEventListener('submit', async (event) => {
    event.preventDefault();
    const phase = (event.submitter as HTMLButtonElement | null)?.value ?? 'ideas';
    const answer = await postJson('/05/api/round', { phase }, key);
    if (!answer.ok) {
      showResult(round, answer.error, true);
      return;
    }
    const started = answer.body as { phase: string; endsAt: string };
    showResult(round, text.roundStarted(started.phase, new Date(started.endsAt).toLocaleTimeString()), false);
  });
  const alert = requireForm('alert');
  alert.addEventListener('submit', async (event) => {
    event.preventDefault();
    const alertText = String(new FormData(alert).get('text') ?? '');
    showAnswer(alert, await postJson('/05/api/alerts', { text: alertText }, key), text.sent);
  });
}

type PostAnswer = { ok: true; body: unknown } | { ok: false; error: string };

/** Posts JSON (with the instructor's key when given); the answer's JSON, or the server's error message. */
async function postJson(path: string, body: unknown, key?: string): Promise<PostAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key !== undefined) headers.Authorization = `Bearer ${key}`;
  try {
    const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    if (response.ok) return { ok: true, body: answer };
    return { ok: false, error: `${path}: ${answer.error ?? `HTTP ${response.status}`}` };
  } catch (error) {
    return { ok: false, error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** "Sent." and an empty form, or the problem. */
function showAnswer(form: HTMLFormElement, answer: PostAnswer, done: string): void {
  if (!answer.ok) {
    showResult(form, answer.error, true);
    return;
  }
  showResult(form, done, false);
  form.reset();
}

function showResult(form: HTMLFormElement, message: string, problem: boolean): void {
  const output = form.querySelector('output');
  if (!output) return;
  output.textContent = message;
  output.classList.toggle('problem', problem);
}

function render(): void {
  board.replaceChildren();
  const exercises = [...new Set([...rows.values()].map((progress) => progress.exercise))].sort();
  if (exercises.length === 0) {
    board.append(element('p', text.empty, 'empty'));
    return;
  }
  for (const exercise of exercises) board.append(renderExercise(exercise));
}

function renderExercise(exercise: string): HTMLElement {
  const section = document.createElement('section');
  section.append(element('h2', `${text.exercise} ${exercise}`));
  const students = [...rows.values()]
    .filter((progress) => progress.exercise === exercise)
    .sort((a, b) => a.name.localeCompare(b.name));
  const titles = checkTitles(students);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  head.append(element('th', text.student, 'student'));
  titles.forEach((title, index) => {
    const cell = element('th', String(index + 1));
    cell.title = title;
    head.append(cell);
  });
  head.append(element('th', text.passed), element('th', text.updated));
  const body = table.createTBody();
  for (const student of students) body.append(renderStudent(student, titles));
  const legend = document.createElement('ol');
  legend.className = 'legend';
  for (const title of titles) legend.append(element('li', title));
  section.append(table, legend);
  return section;
}

function renderStudent(student: StudentProgress, titles: string[]): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset.student = student.name;
  row.append(element('td', student.name, 'student'));
  const outcomes = new Map(student.checks.map((check) => [check.title, check.outcome]));
  for (const title of titles) {
    const outcome = outcomes.get(title);
    const cell = element('td', outcome ? SYMBOL[outcome] : '', `check ${outcome ?? ''}`);
    cell.title = `${title}: ${outcome ?? '—'}`;
    row.append(cell);
  }
  const passed = student.checks.filter((check) => check.outcome === 'passed').length;
  row.append(element('td', `${passed}/${student.checks.length}`, 'score'));
  row.append(element('td', new Date(student.reportedAt).toLocaleTimeString(), 'time'));
  return row;
}

/** Every check any student reported, in the order they were first seen: the columns of the table. */
function checkTitles(students: StudentProgress[]): string[] {
  const titles: string[] = [];
  for (const student of students) {
    for (const check of student.checks) if (!titles.includes(check.title)) titles.push(check.title);
  }
  return titles;
}

function rowKey(progress: StudentProgress): string {
  return `${progress.exercise}\u0000${progress.name.toLowerCase()}`;
}

function readData<T>(event: Event): T {
  return JSON.parse((event as MessageEvent<string>).data) as T;
}

function showStatus(message: string, problem: boolean): void {
  status.textContent = message;
  status.classList.toggle('problem', problem);
}

function element<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  content: string,
  className = '',
): HTMLElementTagNameMap[Tag] {
  const created = document.createElement(tag);
  created.textContent = content;
  if (className) created.className = className;
  return created;
}

function requireForm(id: string): HTMLFormElement {
  const found = requireElement(id);
  if (!(found instanceof HTMLFormElement)) throw new Error(`#${id} is not a form.`);
  return found;
}

function requireElement(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The console page has no #${id}.`);
  return found;
}
