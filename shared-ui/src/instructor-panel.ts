import { findPart, getRenderedContainer } from './containers';
import type { RoundPhase } from './countdown';
import { createElement } from './dom';
import type { FormCallback } from './form-action';
import { createFormMessage, isBusy, runFormCallback, showFormMessage } from './form-action';
import { createFormField, createSubmitButton } from './form-field';

/** What the instructor asked for, with the key they typed (trimmed, never empty). */
export type InstructorAction =
  | { type: 'round'; phase: RoundPhase; key: string }
  | { type: 'alert'; text: string; key: string };

const ROUND_BUTTONS: [RoundPhase, string][] = [
  ['ideas', 'Start ideas (8 min)'],
  ['pair', 'Start pair'],
  ['share', 'Start share'],
];
const SUCCESS_TEXT: Record<RoundPhase, string> = {
  ideas: 'Ideas round started.',
  pair: 'Pair phase started.',
  share: 'Share phase started.',
};

// The form has one submit listener, which calls whatever is stored here: only the latest callback counts.
let actionCallback: FormCallback<InstructorAction> | undefined;

/** Builds the instructor card in a hidden container: it appears once the page calls setOnInstructorAction. */
export function renderInstructorPanel(container: HTMLElement): void {
  container.hidden = true; // the whole container, so an empty one leaves no gap in the page's layout
  const card = createElement('section', { className: 'card instructor' });
  card.append(createElement('h2', { className: 'card-title', text: 'Instructor' }), createForm());
  container.append(card);
}

/**
 * Shows the instructor panel and calls `callback` when a round button or "Send alert" is pressed.
 * If it returns a Promise, the panel is busy until it settles, then says "Alert sent." or shows the error.
 */
export function setOnInstructorAction(callback: FormCallback<InstructorAction>): void {
  getRenderedContainer('instructor', renderInstructorPanel).hidden = false;
  actionCallback = callback;
}

function createForm(): HTMLFormElement {
  const keyInput = createElement('input');
  keyInput.name = 'key';
  keyInput.type = 'password';
  keyInput.setAttribute('autocomplete', 'off');

  const rounds = createElement('div', { className: 'instructor-rounds' });
  rounds.setAttribute('role', 'group');
  rounds.setAttribute('aria-label', 'Start a round');
  for (const [phase, text] of ROUND_BUTTONS) {
    const button = createSubmitButton(text, `round:${phase}`);
    button.classList.add('button-secondary'); // the alert's Send button stays the one primary action
    rounds.append(button);
  }

  const alertInput = createElement('input');
  alertInput.name = 'alert';
  alertInput.setAttribute('autocomplete', 'off');
  const sendButton = createSubmitButton('Send alert', 'alert');
  const alertRow = createElement('div', { className: 'instructor-alert' });
  alertRow.append(createFormField('Alert', alertInput), sendButton);

  const fieldset = createElement('fieldset');
  fieldset.append(
    createElement('legend', { className: 'visually-hidden', text: 'Instructor actions' }),
    createFormField('Instructor key', keyInput),
    rounds,
    alertRow,
  );

  const form = createElement('form', { className: 'instructor-form' });
  form.append(fieldset, createFormMessage());
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // stay on the page: your callback sends the request with JavaScript
    const button = event.submitter instanceof HTMLButtonElement ? event.submitter.value : '';
    void submitAction(form, button);
  });
  // Enter would press the form's first button ("Start ideas"): in the alert field it sends the alert
  // instead, in the key field it does nothing, so no round starts by accident.
  alertInput.addEventListener('keydown', (event) => onEnter(event, () => form.requestSubmit(sendButton)));
  keyInput.addEventListener('keydown', (event) => onEnter(event, () => {}));
  return form;
}

function onEnter(event: KeyboardEvent, action: () => void): void {
  if (event.key !== 'Enter' || event.isComposing) return;
  event.preventDefault();
  action();
}

async function submitAction(form: HTMLFormElement, button: string): Promise<void> {
  if (!actionCallback || isBusy(form)) return;
  const keyInput = findPart<HTMLInputElement>(form, 'input[name="key"]');
  const alertInput = findPart<HTMLInputElement>(form, 'input[name="alert"]');
  const key = keyInput.value.trim();
  if (!key) {
    showFormMessage(form, 'Enter the instructor key first.');
    keyInput.focus();
    return;
  }

  if (button === 'alert') {
    const text = alertInput.value.trim();
    if (!text) {
      showFormMessage(form, 'Write the alert first.');
      alertInput.focus();
      return;
    }
    if (await runFormCallback(form, actionCallback, { type: 'alert', text, key })) {
      alertInput.value = '';
      showFormMessage(form, 'Alert sent.', 'success');
    }
    return;
  }

  const phase = ROUND_BUTTONS.find(([candidate]) => button === `round:${candidate}`)?.[0];
  if (!phase) return;
  if (await runFormCallback(form, actionCallback, { type: 'round', phase, key })) {
    showFormMessage(form, SUCCESS_TEXT[phase], 'success');
  }
}
