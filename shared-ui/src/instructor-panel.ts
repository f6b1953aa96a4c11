import { findPart, getRenderedContainer } from './containers';
import type { RoundPhase } from './countdown';
import { createElement } from './dom';
import type { FormCallback } from './form-action';
import { createFormMessage, isBusy, runFormCallback, showFormMessage } from './form-action';
import { createFormField, createSubmitButton } from './form-field';
import { localized } from './language';

/** What the instructor asked for, with the key they typed (trimmed, never empty). */
export type InstructorAction =
  | { type: 'round'; phase: RoundPhase; key: string }
  | { type: 'alert'; text: string; key: string };

/** The round buttons, in this order. */
const ROUND_PHASES: RoundPhase[] = ['ideas', 'pair', 'share'];

const TEXT = {
  en: {
    title: 'Instructor',
    legend: 'Instructor actions',
    key: 'Instructor key',
    rounds: 'Start a round',
    start: { ideas: 'Start ideas (8 min)', pair: 'Start pair', share: 'Start share' },
    started: {
      ideas: 'Ideas round started.',
      pair: 'Pair phase started.',
      share: 'Share phase started.',
    },
    alert: 'Alert',
    sendAlert: 'Send alert',
    alertSent: 'Alert sent.',
    keyFirst: 'Enter the instructor key first.',
    alertFirst: 'Write the alert first.',
  },
  de: {
    title: 'Kursleitung',
    legend: 'Aktionen der Kursleitung',
    key: 'Schlüssel der Kursleitung',
    rounds: 'Runde starten',
    start: { ideas: 'Ideen starten (8 Min.)', pair: 'Zu zweit starten', share: 'Teilen starten' },
    started: {
      ideas: 'Ideenrunde gestartet.',
      pair: 'Phase „Zu zweit“ gestartet.',
      share: 'Phase „Teilen“ gestartet.',
    },
    alert: 'Durchsage',
    sendAlert: 'Durchsage senden',
    alertSent: 'Durchsage gesendet.',
    keyFirst: 'Gib zuerst den Schlüssel der Kursleitung ein.',
    alertFirst: 'Schreib zuerst die Durchsage.',
  },
};

// The form has one submit listener, which calls whatever is stored here: only the latest callback counts.
let actionCallback: FormCallback<InstructorAction> | undefined;

/** Builds the instructor card in a hidden container: it appears once the page calls setOnInstructorAction. */
export function renderInstructorPanel(container: HTMLElement): void {
  container.hidden = true; // the whole container, so an empty one leaves no gap in the page's layout
  const card = createElement('section', { className: 'card instructor' });
  card.append(createElement('h2', { className: 'card-title', text: localized(TEXT).title }), createForm());
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
  const text = localized(TEXT);
  const keyInput = createElement('input');
  keyInput.name = 'key';
  keyInput.type = 'password';
  keyInput.setAttribute('autocomplete', 'off');

  const rounds = createElement('div', { className: 'instructor-rounds' });
  rounds.setAttribute('role', 'group');
  rounds.setAttribute('aria-label', text.rounds);
  for (const phase of ROUND_PHASES) {
    const button = createSubmitButton(text.start[phase], `round:${phase}`);
    button.classList.add('button-secondary'); // the alert's Send button stays the one primary action
    rounds.append(button);
  }

  const alertInput = createElement('input');
  alertInput.name = 'alert';
  alertInput.setAttribute('autocomplete', 'off');
  const sendButton = createSubmitButton(text.sendAlert, 'alert');
  const alertRow = createElement('div', { className: 'instructor-alert' });
  alertRow.append(createFormField(text.alert, alertInput), sendButton);

  const fieldset = createElement('fieldset');
  fieldset.append(
    createElement('legend', { className: 'visually-hidden', text: text.legend }),
    createFormField(text.key, keyInput),
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
  const text = localized(TEXT);
  const keyInput = findPart<HTMLInputElement>(form, 'input[name="key"]');
  const alertInput = findPart<HTMLInputElement>(form, 'input[name="alert"]');
  const key = keyInput.value.trim();
  if (!key) {
    showFormMessage(form, text.keyFirst);
    keyInput.focus();
    return;
  }

  if (button === 'alert') {
    const alert = alertInput.value.trim();
    if (!alert) {
      showFormMessage(form, text.alertFirst);
      alertInput.focus();
      return;
    }
    if (await runFormCallback(form, actionCallback, { type: 'alert', text: alert, key })) {
      alertInput.value = '';
      showFormMessage(form, text.alertSent, 'success');
    }
    return;
  }

  const phase = ROUND_PHASES.find((candidate) => button === `round:${candidate}`);
  if (!phase) return;
  if (await runFormCallback(form, actionCallback, { type: 'round', phase, key })) {
    showFormMessage(form, text.started[phase], 'success');
  }
}
