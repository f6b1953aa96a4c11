import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendMessage, removeMessages, setFormDisabledState, setOnSubmit } from './chat';

const HTML_PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const TIME = '2026-11-29T09:15:42.000Z';

function input(name: 'username' | 'message'): HTMLInputElement {
  return document.querySelector(`.chat-form input[name="${name}"]`) as HTMLInputElement;
}

function fieldset(): HTMLFieldSetElement {
  return document.querySelector('.chat-form fieldset') as HTMLFieldSetElement;
}

function messages(): HTMLLIElement[] {
  return Array.from(document.querySelectorAll('.chat-message'));
}

/** Types into both inputs and submits the form the way pressing Enter would. */
function send(username: string, message: string): SubmitEvent {
  input('username').value = username;
  input('message').value = message;
  const event = new SubmitEvent('submit', { bubbles: true, cancelable: true });
  document.querySelector('.chat-form')?.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="chat"></div>';
});

describe('chat form', () => {
  it('sits in a card titled "Chat"', () => {
    setOnSubmit(vi.fn());

    expect(document.querySelector('.chat h2')?.textContent).toBe('Chat');
  });

  it('has a labelled, required username input, message input and a Send button', () => {
    setOnSubmit(vi.fn());

    expect(input('username').closest('label')?.textContent, 'username label').toBe('Name');
    expect(input('message').closest('label')?.textContent, 'message label').toBe('Message');
    expect(input('username').required && input('message').required, 'both inputs are required').toBe(true);
    expect(document.querySelector('.chat-form button[type="submit"]')?.textContent).toBe('Send');
  });

  it('calls the callback with trimmed values and prevents the page reload', () => {
    const callback = vi.fn();
    setOnSubmit(callback);

    const event = send('  ada  ', '  hello there  ');

    expect(callback).toHaveBeenCalledExactlyOnceWith({ username: 'ada', message: 'hello there' });
    expect(event.defaultPrevented, 'submit must not reload the page').toBe(true);
  });

  it('clears the message, keeps the username and puts the cursor back into the message field', () => {
    setOnSubmit(vi.fn());

    send('ada', 'hello');

    expect(input('message').value, 'message cleared').toBe('');
    expect(input('username').value, 'username kept').toBe('ada');
    expect(document.activeElement, 'ready to type the next message').toBe(input('message'));
  });

  it.each([
    ['ada', ''],
    ['ada', '    '],
    ['', 'hello'],
    ['   ', 'hello'],
  ])('ignores username %j with message %j and shows the browser hint', (username, message) => {
    const callback = vi.fn();
    setOnSubmit(callback);
    const form = document.querySelector('.chat-form') as HTMLFormElement;
    const reportValidity = vi.spyOn(form, 'reportValidity');

    const event = send(username, message);

    expect(callback, 'empty input is not sent').not.toHaveBeenCalled();
    expect(event.defaultPrevented, 'still no page reload').toBe(true);
    expect(reportValidity, 'the browser shows its "fill out this field" hint').toHaveBeenCalled();
  });

  it('empties fields that held only spaces, so the required hint applies', () => {
    setOnSubmit(vi.fn());

    send('ada', '    ');

    expect(input('message').value).toBe('');
  });

  it('uses only the latest callback', () => {
    const first = vi.fn();
    const latest = vi.fn();
    setOnSubmit(first);
    setOnSubmit(latest);

    send('ada', 'hi');

    expect(first, 'the replaced callback').not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledOnce();
  });

  it('keeps the typed message when no callback is registered yet', async () => {
    vi.resetModules(); // a fresh chat module, in which setOnSubmit was never called
    const freshChat = await import('./chat');
    freshChat.setFormDisabledState(false); // renders the form without registering a callback

    send('ada', 'hello');

    expect(input('message').value, 'nothing was sent, so nothing is cleared').toBe('hello');
  });

  it('throws a helpful error when index.html has no chat container', () => {
    document.body.innerHTML = '';
    const expected = 'shared-ui: add <div data-ui="chat"></div> to index.html';

    expect(() => setOnSubmit(vi.fn())).toThrow(expected);
    expect(() => setFormDisabledState(true)).toThrow(expected);
    expect(() => appendMessage('ada', 'hi', TIME)).toThrow(expected);
  });
});

describe('setFormDisabledState', () => {
  it('disables the inputs and the button, and enables them again', () => {
    setFormDisabledState(true);
    expect(fieldset().disabled, 'fieldset disabled').toBe(true);
    // Browsers disable every control inside a disabled <fieldset> (happy-dom doesn't model that part).
    const controls = document.querySelectorAll('.chat-form input, .chat-form button');
    expect(
      Array.from(controls).every((control) => fieldset().contains(control)),
      'all controls sit inside the fieldset',
    ).toBe(true);

    setFormDisabledState(false);
    expect(fieldset().disabled, 'fieldset enabled').toBe(false);
  });

  it('sends nothing while disabled', () => {
    const callback = vi.fn();
    setOnSubmit(callback);
    setFormDisabledState(true);

    send('ada', 'hi');

    expect(callback).not.toHaveBeenCalled();
    expect(input('message').value, 'the typed message is kept').toBe('hi');
  });
});

describe('appendMessage', () => {
  it('shows "No messages yet." until the first message arrives', () => {
    setOnSubmit(vi.fn());
    const empty = document.querySelector<HTMLElement>('.chat-empty');
    expect(empty?.textContent).toBe('No messages yet.');
    expect(empty?.hidden).toBe(false);

    appendMessage('ada', 'hi', TIME);

    expect(empty?.hidden, 'hidden after the first message').toBe(true);
  });

  it('adds messages at the bottom with author, text and time', () => {
    appendMessage('ada', 'first', TIME);
    appendMessage('grace', 'second', TIME);

    const [, last] = messages();
    expect(messages().map((item) => item.querySelector('.chat-message-text')?.textContent)).toEqual([
      'first',
      'second',
    ]);
    expect(last?.querySelector('.chat-message-author')?.textContent).toBe('grace');
    expect(last?.querySelector('time')?.getAttribute('datetime')).toBe(TIME);
  });

  it('scrolls the log down to the newest message', () => {
    appendMessage('ada', 'first', TIME);
    const log = document.querySelector('.chat-log') as HTMLElement;
    Object.defineProperty(log, 'scrollHeight', { value: 900 });

    appendMessage('ada', 'second', TIME);

    expect(log.scrollTop).toBe(900);
  });

  it('is a role="log" region that keyboard users can scroll', () => {
    appendMessage('ada', 'hi', TIME);
    const log = document.querySelector('.chat-log');

    expect(log?.getAttribute('role')).toBe('log');
    expect(log?.getAttribute('tabindex')).toBe('0');
  });

  it('shows an unparseable timestamp as the raw string', () => {
    appendMessage('ada', 'hi', 'just now');

    expect(messages()[0]?.querySelector('time')?.textContent).toBe('just now');
  });

  it('shows HTML in every field as literal text and creates no elements from it', () => {
    appendMessage(HTML_PAYLOAD, HTML_PAYLOAD, HTML_PAYLOAD);

    const [item] = messages();
    expect(item?.querySelector('.chat-message-author')?.textContent).toBe(HTML_PAYLOAD);
    expect(item?.querySelector('.chat-message-text')?.textContent).toBe(HTML_PAYLOAD);
    expect(item?.querySelector('time')?.textContent).toBe(HTML_PAYLOAD);
    expect(document.querySelectorAll('img, script'), 'no <img> or <script> was created').toHaveLength(0);
  });
});

describe('chat in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('labels the form, the log and the empty state in German', () => {
    setOnSubmit(vi.fn());

    expect(input('username').closest('label')?.textContent).toBe('Name');
    expect(input('message').closest('label')?.textContent).toBe('Nachricht');
    expect(document.querySelector('.chat-form button[type="submit"]')?.textContent).toBe('Senden');
    expect(document.querySelector('.chat-form legend')?.textContent).toBe('Nachricht senden');
    expect(document.querySelector('.chat-log')?.getAttribute('aria-label')).toBe('Nachrichten');
    expect(document.querySelector('.chat-empty')?.textContent).toBe('Noch keine Nachrichten.');
  });
});

describe('removeMessages', () => {
  it('takes out the messages with those ids, and says "No messages yet." once none is left', () => {
    appendMessage('ada', 'first', TIME, 'run-1');
    appendMessage('grace', 'second', TIME, 'run-2');
    appendMessage('linus', 'third', TIME);

    removeMessages(['run-1', 'unknown']);
    expect(messages().map((item) => item.querySelector('.chat-message-text')?.textContent)).toEqual([
      'second',
      'third',
    ]);
    expect(document.querySelector<HTMLElement>('.chat-empty')?.hidden).toBe(true);

    removeMessages(['run-2']);
    messages()[0]?.remove();
    removeMessages([]);
    expect(document.querySelector<HTMLElement>('.chat-empty')?.hidden).toBe(false);
  });
});
