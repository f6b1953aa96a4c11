import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setOnJoin, showJoined } from './join-form';

function input(): HTMLInputElement {
  return document.querySelector('.join-form input[name="name"]') as HTMLInputElement;
}

/** Types a name and submits the form the way pressing Enter would. */
function join(name: string): SubmitEvent {
  input().value = name;
  const event = new SubmitEvent('submit', { bubbles: true, cancelable: true });
  document.querySelector('.join-form')?.dispatchEvent(event);
  return event;
}

/** Lets the awaited callback and the form's own bookkeeping finish. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  document.body.innerHTML = `
    <div data-ui="join"></div>
    <div data-ui="ideas" data-show-when="joined" hidden></div>
    <div class="page-side"><div data-ui="presence" data-show-when="joined" hidden></div></div>`;
});

describe('join form', () => {
  it('has a card title, a required "Your name" field and a Join button', () => {
    setOnJoin(vi.fn());

    expect(document.querySelector('.join h2')?.textContent).toBe('Join the idea board');
    expect(input().closest('label')?.textContent).toBe('Your name');
    expect(input().required, 'required').toBe(true);
    expect(document.querySelector('.join-form button[type="submit"]')?.textContent).toBe('Join');
  });

  it('calls the callback with the trimmed name and prevents the page reload', () => {
    const callback = vi.fn();
    setOnJoin(callback);

    const event = join('  Ada  ');

    expect(callback).toHaveBeenCalledExactlyOnceWith('Ada');
    expect(event.defaultPrevented, 'submit must not reload the page').toBe(true);
  });

  it('ignores a name of only spaces and shows the browser hint', () => {
    const callback = vi.fn();
    setOnJoin(callback);
    const reportValidity = vi.spyOn(
      document.querySelector('.join-form') as HTMLFormElement,
      'reportValidity',
    );

    join('   ');

    expect(callback, 'nothing joined').not.toHaveBeenCalled();
    expect(input().value, 'emptied, so `required` applies').toBe('');
    expect(reportValidity).toHaveBeenCalled();
  });

  it('shows the error of a failed join under the form and keeps the name', async () => {
    setOnJoin(() => Promise.reject(new Error('Could not reach the app backend.')));

    join('Ada');
    await settle();

    expect(document.querySelector('.join-form .form-message')?.textContent).toBe(
      'Could not reach the app backend.',
    );
    expect(input().value, 'the name stays to send again').toBe('Ada');
  });

  it('joins only once while the first join is still running (double click)', async () => {
    const callback = vi.fn(() => new Promise(() => {}));
    setOnJoin(callback);

    join('Ada');
    join('Ada');

    expect(callback).toHaveBeenCalledOnce();
  });

  it('throws a helpful error when index.html has no join container', () => {
    document.body.innerHTML = '';
    const expected = 'shared-ui: add <div data-ui="join"></div> to index.html';

    expect(() => setOnJoin(vi.fn())).toThrow(expected);
    expect(() => showJoined()).toThrow(expected);
  });
});

describe('showJoined', () => {
  it('hides the join form and shows every element marked data-show-when="joined"', () => {
    showJoined();

    expect((document.querySelector('[data-ui="join"]') as HTMLElement).hidden, 'join form hidden').toBe(true);
    const board = Array.from(document.querySelectorAll<HTMLElement>('[data-show-when="joined"]'));
    expect(
      board.map((element) => element.hidden),
      'ideas and presence shown',
    ).toEqual([false, false]);
  });
});

describe('join form in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('has a German title, intro, field and button', () => {
    setOnJoin(vi.fn());

    expect(document.querySelector('.join h2')?.textContent).toBe('Mach mit beim Ideenboard');
    expect(document.querySelector('.join-intro')?.textContent).toBe(
      'Wähl einen Namen, damit die anderen wissen, von wem die Ideen sind.',
    );
    expect(input().closest('label')?.textContent).toBe('Dein Name');
    expect(document.querySelector('.join-form button[type="submit"]')?.textContent).toBe('Mitmachen');
  });
});
