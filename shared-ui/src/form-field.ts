import { createElement } from './dom';

/**
 * Wraps an input (or textarea) in its `<label>` with the visible label text above it.
 * Wrapping connects the two without an id, so clicking the text focuses the input.
 */
export function createFormField(
  labelText: string,
  control: HTMLInputElement | HTMLTextAreaElement,
): HTMLLabelElement {
  const label = createElement('label', { className: 'form-field' });
  label.append(createElement('span', { className: 'form-field-label', text: labelText }), control);
  return label;
}

/** A button that submits its form; `value` tells the submit listener which button it was. */
export function createSubmitButton(text: string, value = ''): HTMLButtonElement {
  const button = createElement('button', { className: 'button', text });
  button.type = 'submit';
  if (value) button.value = value;
  return button;
}
