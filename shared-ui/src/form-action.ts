import { findPart } from './containers';
import { createElement } from './dom';
import { localized } from './language';

const TEXT = {
  en: { failed: 'Something went wrong. Please try again.' },
  de: { failed: 'Etwas ist schiefgegangen. Versuch es bitte noch einmal.' },
};

/**
 * What a form hands its input to. It may return a Promise (e.g. a `fetch`): the form stays busy until it
 * settles, and if it rejects, the error's message appears in the form, so the reader knows what went wrong.
 */
export type FormCallback<Input> = (input: Input) => unknown;

/** The line under a form that says what went wrong (or, for the instructor, what worked). Empty: hidden. */
export function createFormMessage(): HTMLParagraphElement {
  const message = createElement('p', { className: 'form-message' });
  // "status", not "alert": role="alert" belongs to the instructor's alerts, which tests and readers look for.
  message.setAttribute('role', 'status');
  message.hidden = true;
  return message;
}

/** Shows `text` in the form's message line as an error or a success; an empty text hides the line. */
export function showFormMessage(
  form: HTMLFormElement,
  text: string,
  kind: 'error' | 'success' = 'error',
): void {
  const message = findPart<HTMLElement>(form, '.form-message');
  message.textContent = text;
  message.dataset.kind = kind;
  message.hidden = text === '';
}

/**
 * Calls `callback` with `input` while the form's `<fieldset>` is disabled, so nothing is sent twice.
 * Resolves `true` when the callback worked; on an error it shows the error's message and resolves `false`.
 */
export async function runFormCallback<Input>(
  form: HTMLFormElement,
  callback: FormCallback<Input>,
  input: Input,
): Promise<boolean> {
  const fieldset = findPart<HTMLFieldSetElement>(form, 'fieldset');
  showFormMessage(form, '');
  fieldset.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    await callback(input);
    return true;
  } catch (error) {
    showFormMessage(form, errorText(error));
    return false;
  } finally {
    fieldset.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

/** True while a callback of this form runs: a second submit (double click, Enter) is ignored. */
export function isBusy(form: HTMLFormElement): boolean {
  return form.getAttribute('aria-busy') === 'true';
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return localized(TEXT).failed;
}
