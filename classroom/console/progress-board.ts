// The instructor's progress board in the browser: the last `pnpm verify` of every student who shares it, one
// table per exercise, updated live over SSE. Names and titles come from the network: set as text, never HTML.
import type { ProgressEvents, StudentProgress } from '../server/progress-messages';

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
  },
} as const;

const SYMBOL = { passed: '✓', failed: '✗', skipped: '–' } as const;

const text = document.documentElement.lang === 'de' ? TEXT.de : TEXT.en;
const status = requireElement('status');
const board = requireElement('board');
const rows = new Map<string, StudentProgress>();

start();

function start(): void {
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (!key) {
    showStatus(text.needsKey, true);
    return;
  }
  const events = new EventSource(`/progress/events?key=${encodeURIComponent(key)}`);
  events.addEventListener('open', () => showStatus(text.live, false));
  events.addEventListener('snapshot', (event) => {
    rows.clear();
    for (const progress of readData<ProgressEvents['snapshot']>(event)) rows.set(rowKey(progress), progress);
    render();
  });
  events.addEventListener('progress', (event) => {
    const progress = readData<ProgressEvents['progress']>(event);
    rows.set(rowKey(progress), progress);
    render();
  });
  events.addEventListener('error', () => {
    // A refused key (401) closes the stream for good; a lost connection is retried by the browser.
    showStatus(events.readyState === EventSource.CLOSED ? text.refused : text.lost, true);
  });
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

function requireElement(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The progress board page has no #${id}.`);
  return found;
}
