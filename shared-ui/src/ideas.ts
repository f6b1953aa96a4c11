import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import type { FormCallback } from './form-action';
import { createFormMessage, isBusy, runFormCallback, showFormMessage } from './form-action';
import { createFormField, createSubmitButton } from './form-field';
import { createTimeElement } from './format-time';
import { highlightBriefly } from './highlight';
import { localized } from './language';

/** An idea as the board shows it. */
export interface IdeaView {
  /** Unique; a second idea with the same id updates the first. */
  id: string;
  text: string;
  /** The author's name. */
  author: string;
  /** When it was posted, as ISO 8601. */
  time: string;
}

const TEXT = {
  en: {
    title: 'Ideas',
    empty: 'No ideas yet. Post the first one!',
    list: 'Ideas, newest first',
    placeholder: 'One idea, one thought',
    legend: 'Post an idea',
    field: 'Your idea',
    post: 'Post idea',
  },
  de: {
    title: 'Ideen',
    empty: 'Noch keine Ideen. Poste die erste!',
    list: 'Ideen, neueste zuerst',
    placeholder: 'Eine Idee, ein Gedanke',
    legend: 'Idee posten',
    field: 'Deine Idee',
    post: 'Idee posten',
  },
};

/** Ideas are short on purpose: one thought, like a sticky note. */
export const MAX_IDEA_LENGTH = 280;
/** From here on the counter turns orange, so the writer sees the end coming. */
const NEARLY_FULL = MAX_IDEA_LENGTH - 20;

// The form has one submit listener, which calls whatever is stored here: only the latest callback counts.
let ideaCallback: FormCallback<string> | undefined;

/** Builds the ideas card: title with count, the idea form, then the list (newest first). */
export function renderIdeas(container: HTMLElement): void {
  const text = localized(TEXT);
  const title = createElement('h2', { className: 'card-title ideas-title', text: text.title });
  title.append(createElement('span', { className: 'ideas-count', text: '0' }));

  const empty = createElement('p', { className: 'ideas-empty', text: text.empty });
  const list = createElement('ol', { className: 'ideas-list' });
  list.setAttribute('aria-label', text.list);

  const card = createElement('section', { className: 'card ideas' });
  card.append(title, createForm(), empty, list);
  container.append(card);
}

/**
 * Calls `callback` with the trimmed idea whenever the form is sent. Replaces any earlier one.
 * If the callback returns a Promise, the form is busy until it settles: on success the field is cleared,
 * on a rejection the text stays and the error's message appears under the field.
 */
export function setOnIdeaSubmit(callback: FormCallback<string>): void {
  getIdeas();
  ideaCallback = callback;
}

/** Shows an error under the idea field (an empty string hides it). */
export function showIdeaError(message: string): void {
  showFormMessage(findPart(getIdeas(), '.idea-form'), message);
}

/** Replaces the whole list with `ideas` (oldest first, as the app backend sends them), without highlight. */
export function resetIdeas(ideas: IdeaView[] = []): void {
  const list = getList();
  list.replaceChildren(...ideas.map((idea) => createIdeaItem(idea)).reverse());
  updateCount(list);
}

/**
 * Shows a new idea on top of the list, briefly highlighted.
 * An id that is already shown updates its item in place, so there are never duplicates.
 */
export function addIdea(idea: IdeaView): void {
  const list = getList();
  const existing = Array.from(list.children).find((item) => (item as HTMLElement).dataset.id === idea.id);
  if (existing) {
    existing.replaceWith(createIdeaItem(idea));
    return;
  }
  list.prepend(createIdeaItem(idea, { highlighted: true }));
  updateCount(list);
}

function getIdeas(): HTMLElement {
  return getRenderedContainer('ideas', renderIdeas);
}

function getList(): HTMLOListElement {
  return findPart<HTMLOListElement>(getIdeas(), '.ideas-list');
}

function updateCount(list: HTMLOListElement): void {
  const ideas = getIdeas();
  findPart(ideas, '.ideas-count').textContent = String(list.children.length);
  findPart<HTMLElement>(ideas, '.ideas-empty').hidden = list.children.length > 0;
}

function createIdeaItem(idea: IdeaView, { highlighted = false } = {}): HTMLLIElement {
  const meta = createElement('p', { className: 'idea-meta' });
  meta.append(
    createElement('span', { className: 'idea-author', text: idea.author }),
    createTimeElement(idea.time),
  );

  const item = createElement('li', { className: 'idea' });
  item.dataset.id = idea.id;
  item.append(createElement('p', { className: 'idea-text', text: idea.text }), meta);
  if (highlighted) highlightBriefly(item);
  return item;
}

function createForm(): HTMLFormElement {
  const text = localized(TEXT);
  const textarea = createElement('textarea');
  textarea.name = 'idea';
  textarea.required = true;
  textarea.maxLength = MAX_IDEA_LENGTH; // the browser stops typing at the limit; the counter shows it coming
  textarea.rows = 2;
  textarea.placeholder = text.placeholder;

  const counter = createElement('span', { className: 'idea-counter', text: `0 / ${MAX_IDEA_LENGTH}` });
  counter.setAttribute('aria-hidden', 'true'); // screen readers announce the maxlength themselves

  const fieldset = createElement('fieldset');
  fieldset.append(
    createElement('legend', { className: 'visually-hidden', text: text.legend }),
    createFormField(text.field, textarea),
    counter,
    createSubmitButton(text.post),
  );

  const form = createElement('form', { className: 'idea-form' });
  form.append(fieldset, createFormMessage());
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // stay on the page: your callback posts the idea with JavaScript
    void submitForm(form, textarea);
  });
  textarea.addEventListener('input', () => updateCounter(counter, textarea));
  textarea.addEventListener('keydown', (event) => {
    // Enter posts, like in a chat; Shift+Enter still starts a new line.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    form.requestSubmit();
  });
  return form;
}

function updateCounter(counter: HTMLElement, textarea: HTMLTextAreaElement): void {
  const length = textarea.value.length;
  counter.textContent = `${length} / ${MAX_IDEA_LENGTH}`;
  counter.classList.toggle('is-nearly-full', length >= NEARLY_FULL);
}

async function submitForm(form: HTMLFormElement, textarea: HTMLTextAreaElement): Promise<void> {
  if (!ideaCallback || isBusy(form)) return; // no callback yet: keep the text instead of losing it
  const text = textarea.value.trim();
  if (!text) {
    textarea.value = ''; // only spaces: empty it, so `required` applies and the browser shows its hint
    form.reportValidity();
    return;
  }
  const posted = await runFormCallback(form, ideaCallback, text);
  if (posted) textarea.value = ''; // your idea comes back from the broker, like everyone else's
  updateCounter(findPart(form, '.idea-counter'), textarea);
  textarea.focus(); // ready for the next idea (or to fix this one)
}
