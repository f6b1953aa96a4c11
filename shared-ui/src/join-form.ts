import { getRenderedContainer } from './containers';
import { createElement } from './dom';
import type { FormCallback } from './form-action';
import { createFormMessage, isBusy, runFormCallback } from './form-action';
import { createFormField, createSubmitButton } from './form-field';
import { localized } from './language';

const TEXT = {
  en: {
    title: 'Join the idea board',
    intro: 'Pick a name, so the others know whose ideas they read.',
    legend: 'Join',
    name: 'Your name',
    join: 'Join',
  },
  de: {
    title: 'Mach mit beim Ideenboard',
    intro: 'Wähl einen Namen, damit die anderen wissen, von wem die Ideen sind.',
    legend: 'Mitmachen',
    name: 'Dein Name',
    join: 'Mitmachen',
  },
};

/** Longer names crowd the idea cards and the presence list. */
const MAX_NAME_LENGTH = 40;

// The form has one submit listener, which calls whatever is stored here: only the latest callback counts.
let joinCallback: FormCallback<string> | undefined;

/** Builds the join card: a short explanation, the "Your name" field and the Join button. */
export function renderJoinForm(container: HTMLElement): void {
  const text = localized(TEXT);
  const card = createElement('section', { className: 'card join' });
  card.append(
    createElement('h2', { className: 'card-title', text: text.title }),
    createElement('p', { className: 'join-intro', text: text.intro }),
    createForm(),
  );
  container.append(card);
}

/**
 * Calls `callback` with the trimmed name whenever the form is sent. Replaces any earlier one.
 * If the callback returns a Promise, the form is busy until it settles; a rejection's message is shown.
 */
export function setOnJoin(callback: FormCallback<string>): void {
  getJoin();
  joinCallback = callback;
}

/**
 * Hides the join form and shows every element marked `data-show-when="joined"` (the board).
 * Put `hidden` on those elements in index.html, so they stay out of sight until then.
 */
export function showJoined(): void {
  getJoin().hidden = true;
  for (const element of document.querySelectorAll<HTMLElement>('[data-show-when="joined"]')) {
    element.hidden = false;
  }
}

function getJoin(): HTMLElement {
  return getRenderedContainer('join', renderJoinForm);
}

function createForm(): HTMLFormElement {
  const text = localized(TEXT);
  const input = createElement('input');
  input.name = 'name';
  input.required = true; // the browser shows its own "Please fill out this field" hint
  input.maxLength = MAX_NAME_LENGTH;
  input.setAttribute('autocomplete', 'nickname');

  // A <fieldset> lets the form switch off the input and the button in one go while joining.
  const fieldset = createElement('fieldset');
  fieldset.append(
    createElement('legend', { className: 'visually-hidden', text: text.legend }),
    createFormField(text.name, input),
    createSubmitButton(text.join),
  );

  const form = createElement('form', { className: 'join-form' });
  form.append(fieldset, createFormMessage());
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // stay on the page: your callback joins with JavaScript
    void submitForm(form, input);
  });
  return form;
}

async function submitForm(form: HTMLFormElement, input: HTMLInputElement): Promise<void> {
  if (!joinCallback || isBusy(form)) return;
  const name = input.value.trim();
  if (!name) {
    input.value = ''; // only spaces: empty it, so `required` applies and the browser shows its hint
    form.reportValidity();
    return;
  }
  const joined = await runFormCallback(form, joinCallback, name);
  if (!joined) input.focus(); // the error is shown; the name is still there to fix or send again
}
