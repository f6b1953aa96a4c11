import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInstructorPanel, setOnInstructorAction } from './instructor-panel';

function container(): HTMLElement {
  return document.querySelector('[data-ui="instructor"]') as HTMLElement;
}

function input(name: 'key' | 'alert'): HTMLInputElement {
  return document.querySelector(`.instructor-form input[name="${name}"]`) as HTMLInputElement;
}

function button(text: string): HTMLButtonElement {
  const found = Array.from(document.querySelectorAll('button')).find(
    (element) => element.textContent === text,
  );
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

function message(): HTMLElement {
  return document.querySelector('.instructor-form .form-message') as HTMLElement;
}

/** Submits the form with `text`'s button, the way clicking it would. */
function press(text: string): void {
  const submitter = button(text);
  document
    .querySelector('.instructor-form')
    ?.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter }));
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="instructor"></div>';
});

describe('instructor panel', () => {
  it('stays hidden until the page calls setOnInstructorAction', () => {
    renderInstructorPanel(container());
    expect(container().hidden, 'hidden after rendering').toBe(true);

    setOnInstructorAction(vi.fn());
    expect(container().hidden, 'shown for the instructor').toBe(false);
  });

  it('has a password "Instructor key" field, three round buttons and an "Alert" field with "Send alert"', () => {
    setOnInstructorAction(vi.fn());

    expect(input('key').type).toBe('password');
    expect(input('key').closest('label')?.textContent).toBe('Instructor key');
    expect(input('alert').closest('label')?.textContent).toBe('Alert');
    for (const text of ['Start ideas (8 min)', 'Start pair', 'Start share', 'Send alert']) {
      expect(button(text).type, text).toBe('submit');
    }
  });

  it.each([
    ['Start ideas (8 min)', 'ideas', 'Ideas round started.'],
    ['Start pair', 'pair', 'Pair phase started.'],
    ['Start share', 'share', 'Share phase started.'],
  ])('"%s" starts the %s phase with the trimmed key and says so', async (text, phase, success) => {
    const callback = vi.fn(() => Promise.resolve());
    setOnInstructorAction(callback);
    input('key').value = ' workshop-instructor ';

    press(text);
    await settle();

    expect(callback).toHaveBeenCalledExactlyOnceWith({ type: 'round', phase, key: 'workshop-instructor' });
    expect([message().textContent, message().dataset.kind]).toEqual([success, 'success']);
  });

  it('sends the alert text, then clears the field and says "Alert sent."', async () => {
    const callback = vi.fn(() => Promise.resolve());
    setOnInstructorAction(callback);
    input('key').value = 'workshop-instructor';
    input('alert').value = 'Two minutes left';

    press('Send alert');
    await settle();

    expect(callback).toHaveBeenCalledExactlyOnceWith({
      type: 'alert',
      text: 'Two minutes left',
      key: 'workshop-instructor',
    });
    expect(input('alert').value).toBe('');
    expect(message().textContent).toBe('Alert sent.');
  });

  it('asks for the key first, without calling the callback', () => {
    const callback = vi.fn();
    setOnInstructorAction(callback);

    press('Start pair');

    expect(callback).not.toHaveBeenCalled();
    expect([message().textContent, message().dataset.kind]).toEqual([
      'Enter the instructor key first.',
      'error',
    ]);
  });

  it('asks for the alert text when it is empty', () => {
    const callback = vi.fn();
    setOnInstructorAction(callback);
    input('key').value = 'workshop-instructor';

    press('Send alert');

    expect(callback).not.toHaveBeenCalled();
    expect(message().textContent).toBe('Write the alert first.');
  });

  it("shows the server's error, e.g. a wrong key", async () => {
    setOnInstructorAction(() => Promise.reject(new Error('Wrong instructor key.')));
    input('key').value = 'guess';

    press('Start share');
    await settle();

    expect([message().textContent, message().dataset.kind]).toEqual(['Wrong instructor key.', 'error']);
  });

  it('sends the alert on Enter in the alert field, and starts nothing on Enter in the key field', () => {
    setOnInstructorAction(vi.fn());
    const form = document.querySelector('.instructor-form') as HTMLFormElement;
    const requestSubmit = vi.spyOn(form, 'requestSubmit').mockImplementation(() => {});

    input('key').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    expect(requestSubmit, 'Enter in the key field').not.toHaveBeenCalled();

    input('alert').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    expect(requestSubmit).toHaveBeenCalledExactlyOnceWith(button('Send alert'));
  });
});

describe('instructor panel in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('has German fields and round buttons', () => {
    setOnInstructorAction(vi.fn());

    expect(document.querySelector('.instructor h2')?.textContent).toBe('Kursleitung');
    expect(input('key').closest('label')?.textContent).toBe('Schlüssel der Kursleitung');
    expect(input('alert').closest('label')?.textContent).toBe('Durchsage');
    for (const text of ['Ideen starten (8 Min.)', 'Zu zweit starten', 'Teilen starten', 'Durchsage senden']) {
      expect(button(text).type, text).toBe('submit');
    }
  });

  it('starts a round with the right phase and says so in German', async () => {
    const callback = vi.fn(() => Promise.resolve());
    setOnInstructorAction(callback);
    input('key').value = 'workshop-instructor';

    press('Zu zweit starten');
    await settle();

    expect(callback).toHaveBeenCalledExactlyOnceWith({
      type: 'round',
      phase: 'pair',
      key: 'workshop-instructor',
    });
    expect(message().textContent).toBe('Phase „Zu zweit“ gestartet.');
  });

  it('asks for the key and the alert text in German', async () => {
    setOnInstructorAction(vi.fn(() => Promise.resolve()));

    press('Durchsage senden');
    expect(message().textContent).toBe('Gib zuerst den Schlüssel der Kursleitung ein.');

    input('key').value = 'workshop-instructor';
    press('Durchsage senden');
    expect(message().textContent).toBe('Schreib zuerst die Durchsage.');

    input('alert').value = 'Noch zwei Minuten';
    press('Durchsage senden');
    await settle();
    expect(message().textContent).toBe('Durchsage gesendet.');
  });
});
