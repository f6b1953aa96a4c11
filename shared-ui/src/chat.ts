import { findPart, getRenderedContainer } from './containers';
import { createElement } from './dom';
import { createTimeElement } from './format-time';
import { localized } from './language';

/** What the chat form hands to your callback: both values trimmed and never empty. */
export interface ChatSubmission {
  username: string;
  message: string;
}

const TEXT = {
  en: {
    title: 'Chat',
    log: 'Messages',
    empty: 'No messages yet.',
    legend: 'Send a message',
    send: 'Send',
    username: 'Name',
    message: 'Message',
  },
  de: {
    title: 'Chat',
    log: 'Nachrichten',
    empty: 'Noch keine Nachrichten.',
    legend: 'Nachricht senden',
    send: 'Senden',
    username: 'Name',
    message: 'Nachricht',
  },
};

type SubmitCallback = (input: ChatSubmission) => void;

// The form has one submit listener, which calls whatever is stored here: only the latest callback counts.
let submitCallback: SubmitCallback | undefined;

/** Builds the chat card: the message log on top, the form below. */
export function renderChat(container: HTMLElement): void {
  const card = createElement('section', { className: 'card chat' });
  card.append(
    createElement('h2', { className: 'card-title', text: localized(TEXT).title }),
    createMessageLog(),
    createForm(),
  );
  container.append(card);
}

/** Calls `callback` with the trimmed username and message whenever the form is sent. Replaces any earlier one. */
export function setOnSubmit(callback: SubmitCallback): void {
  getChat();
  submitCallback = callback;
}

/** Disables the inputs and the Send button (e.g. while not connected), or enables them again. */
export function setFormDisabledState(disabled: boolean): void {
  findPart<HTMLFieldSetElement>(getChat(), 'fieldset').disabled = disabled;
}

/**
 * Adds a message at the bottom of the log and scrolls down to it. `timestamp` is ISO 8601; with an `id`,
 * removeMessages can take the message out again.
 */
export function appendMessage(username: string, message: string, timestamp: string, id?: string): void {
  const chat = getChat();
  const item = createMessageItem(username, message, timestamp);
  if (id !== undefined) item.dataset.messageId = id;
  findPart(chat, '.chat-messages').append(item);
  findPart<HTMLElement>(chat, '.chat-empty').hidden = true;

  const log = findPart(chat, '.chat-log');
  log.scrollTop = log.scrollHeight;
}

/** Takes the messages with these ids (see appendMessage) out of the log; unknown ids are skipped. */
export function removeMessages(ids: readonly string[]): void {
  const chat = getChat();
  const wanted = new Set(ids);
  for (const item of chat.querySelectorAll<HTMLElement>('.chat-message')) {
    if (item.dataset.messageId !== undefined && wanted.has(item.dataset.messageId)) item.remove();
  }
  findPart<HTMLElement>(chat, '.chat-empty').hidden = chat.querySelector('.chat-message') !== null;
}

function getChat(): HTMLElement {
  return getRenderedContainer('chat', renderChat);
}

function createMessageLog(): HTMLElement {
  const text = localized(TEXT);
  const log = createElement('div', { className: 'chat-log' });
  log.setAttribute('role', 'log'); // a live region made for chats: new messages are read aloud
  log.setAttribute('aria-label', text.log);
  log.tabIndex = 0; // lets keyboard users scroll through the history
  log.append(
    createElement('p', { className: 'chat-empty', text: text.empty }),
    createElement('ol', { className: 'chat-messages' }),
  );
  return log;
}

function createMessageItem(username: string, message: string, timestamp: string): HTMLLIElement {
  const meta = createElement('p', { className: 'chat-message-meta' });
  meta.append(
    createElement('strong', { className: 'chat-message-author', text: username }),
    createTimeElement(timestamp),
  );

  const item = createElement('li', { className: 'chat-message' });
  item.append(meta, createElement('p', { className: 'chat-message-text', text: message }));
  return item;
}

function createForm(): HTMLFormElement {
  const text = localized(TEXT);
  const legend = createElement('legend', { className: 'visually-hidden', text: text.legend });
  const button = createElement('button', { className: 'button', text: text.send });
  button.type = 'submit';

  // A <fieldset> lets setFormDisabledState switch off every input and the button in one go.
  const fieldset = createElement('fieldset');
  fieldset.append(
    legend,
    createField(text.username, 'username', 'nickname'),
    createField(text.message, 'message', 'off'),
    button,
  );

  const form = createElement('form', { className: 'chat-form' });
  form.append(fieldset);
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // stay on the page: your callback sends the message with JavaScript
    submitForm(form);
  });
  return form;
}

function createField(labelText: string, name: string, autocomplete: string): HTMLLabelElement {
  const input = createElement('input');
  input.name = name;
  input.required = true; // the browser shows its own "Please fill out this field" hint
  input.setAttribute('autocomplete', autocomplete);

  // Wrapping the input in its <label> connects the two without needing an id.
  const label = createElement('label', { className: `chat-field chat-field-${name}` });
  label.append(createElement('span', { className: 'chat-field-label', text: labelText }), input);
  return label;
}

function submitForm(form: HTMLFormElement): void {
  if (findPart<HTMLFieldSetElement>(form, 'fieldset').disabled) return;
  if (!submitCallback) return; // nobody called setOnSubmit yet: keep the text instead of losing it

  const usernameInput = findPart<HTMLInputElement>(form, 'input[name="username"]');
  const messageInput = findPart<HTMLInputElement>(form, 'input[name="message"]');
  const username = usernameInput.value.trim();
  const message = messageInput.value.trim();

  if (!username || !message) {
    // Only spaces? Put back the trimmed (empty) value so `required` applies and the browser shows its hint.
    usernameInput.value = username;
    messageInput.value = message;
    form.reportValidity();
    return;
  }

  submitCallback({ username, message });
  messageInput.value = ''; // ready for the next message; the username stays
  messageInput.focus();
}
