import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createElement } from './dom';
import { createFormMessage, isBusy, runFormCallback, showFormMessage } from './form-action';

let form: HTMLFormElement;

function message(): HTMLElement {
  return form.querySelector('.form-message') as HTMLElement;
}

function fieldset(): HTMLFieldSetElement {
  return form.querySelector('fieldset') as HTMLFieldSetElement;
}

beforeEach(() => {
  form = createElement('form');
  form.append(createElement('fieldset'), createFormMessage());
  document.body.replaceChildren(form);
});

describe('form message', () => {
  it('is hidden while empty and a role="status" line (role="alert" is kept for the instructor alerts)', () => {
    expect(message().hidden).toBe(true);
    expect(message().getAttribute('role')).toBe('status');
  });

  it('shows an error or a success, and hides again for an empty text', () => {
    showFormMessage(form, 'Nope');
    expect([message().textContent, message().dataset.kind, message().hidden]).toEqual([
      'Nope',
      'error',
      false,
    ]);

    showFormMessage(form, 'Done', 'success');
    expect(message().dataset.kind).toBe('success');

    showFormMessage(form, '');
    expect(message().hidden).toBe(true);
  });
});

describe('runFormCallback', () => {
  it('keeps the form busy and disabled until the returned Promise settles', async () => {
    let finish: () => void = () => {};
    const callback = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));

    const running = runFormCallback(form, callback, 'input');
    expect(callback).toHaveBeenCalledWith('input');
    expect(fieldset().disabled, 'disabled while running').toBe(true);
    expect(isBusy(form), 'busy while running').toBe(true);

    finish();
    await expect(running).resolves.toBe(true);
    expect(fieldset().disabled, 'enabled again').toBe(false);
    expect(isBusy(form)).toBe(false);
  });

  it("shows a rejection's message and resolves false, with the form usable again", async () => {
    const result = await runFormCallback(form, () => Promise.reject(new Error('The name is too long.')), 'x');

    expect(result).toBe(false);
    expect(message().textContent).toBe('The name is too long.');
    expect(fieldset().disabled).toBe(false);
  });

  it('shows a general message when the error has none', async () => {
    await runFormCallback(
      form,
      () => {
        throw 'oops';
      },
      'x',
    );

    expect(message().textContent).toBe('Something went wrong. Please try again.');
  });

  it('clears an earlier error when the next try starts', async () => {
    showFormMessage(form, 'Old error');

    await runFormCallback(form, () => undefined, 'x');

    expect(message().hidden).toBe(true);
  });
});

describe('runFormCallback in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('shows the general message in German when the error has none', async () => {
    await runFormCallback(
      form,
      () => {
        throw 'oops';
      },
      'x',
    );

    expect(message().textContent).toBe('Etwas ist schiefgegangen. Versuch es bitte noch einmal.');
  });
});
