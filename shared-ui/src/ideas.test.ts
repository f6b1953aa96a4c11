import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_MS } from './highlight';
import type { IdeaView } from './ideas';
import { addIdea, MAX_IDEA_LENGTH, resetIdeas, setOnIdeaSubmit, showIdeaError } from './ideas';

const HTML_PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

function idea(id: string, changes: Partial<IdeaView> = {}): IdeaView {
  return { id, text: `Idea ${id}`, author: 'Ada', time: '2026-11-29T09:15:00.000Z', ...changes };
}

function textarea(): HTMLTextAreaElement {
  return document.querySelector('.idea-form textarea') as HTMLTextAreaElement;
}

function items(): HTMLLIElement[] {
  return Array.from(document.querySelectorAll('.ideas-list li'));
}

function texts(): (string | null | undefined)[] {
  return items().map((item) => item.querySelector('.idea-text')?.textContent);
}

function type(text: string): void {
  textarea().value = text;
  textarea().dispatchEvent(new Event('input', { bubbles: true }));
}

function post(text: string): void {
  type(text);
  document
    .querySelector('.idea-form')
    ?.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="ideas"></div>';
});

afterEach(() => {
  vi.useRealTimers();
});

describe('idea form', () => {
  it('has a "Your idea" field limited to 280 characters and a "Post idea" button', () => {
    setOnIdeaSubmit(vi.fn());

    expect(textarea().closest('label')?.textContent).toBe('Your idea');
    expect(textarea().maxLength).toBe(MAX_IDEA_LENGTH);
    expect(MAX_IDEA_LENGTH).toBe(280);
    expect(document.querySelector('.idea-form button[type="submit"]')?.textContent).toBe('Post idea');
  });

  it('counts the characters as you type and warns near the limit', () => {
    setOnIdeaSubmit(vi.fn());
    const counter = document.querySelector('.idea-counter') as HTMLElement;
    expect(counter.textContent).toBe('0 / 280');

    type('Hello');
    expect(counter.textContent).toBe('5 / 280');
    expect(counter.classList.contains('is-nearly-full')).toBe(false);

    type('x'.repeat(265));
    expect(counter.classList.contains('is-nearly-full'), 'orange from 260 on').toBe(true);
  });

  it('calls the callback with the trimmed idea and clears the field once it worked', async () => {
    const callback = vi.fn(() => Promise.resolve());
    setOnIdeaSubmit(callback);

    post('  Live quiz  ');
    await settle();

    expect(callback).toHaveBeenCalledExactlyOnceWith('Live quiz');
    expect(textarea().value, 'ready for the next idea').toBe('');
    expect(document.querySelector('.idea-counter')?.textContent).toBe('0 / 280');
  });

  it('keeps the text and shows the error when posting fails', async () => {
    setOnIdeaSubmit(() => Promise.reject(new Error('text must be 1–280 characters')));

    post('Live quiz');
    await settle();

    expect(textarea().value, 'nothing is lost').toBe('Live quiz');
    const error = document.querySelector<HTMLElement>('.idea-form .form-message');
    expect(error?.textContent).toBe('text must be 1–280 characters');
    expect(error?.hidden).toBe(false);
  });

  it('posts on Enter and starts a new line on Shift+Enter', () => {
    const callback = vi.fn();
    setOnIdeaSubmit(callback);
    const form = document.querySelector('.idea-form') as HTMLFormElement;
    const requestSubmit = vi.spyOn(form, 'requestSubmit').mockImplementation(() => {});
    type('Idea');

    textarea().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true }));
    expect(requestSubmit, 'Shift+Enter is a line break').not.toHaveBeenCalled();

    textarea().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(requestSubmit, 'Enter posts').toHaveBeenCalledOnce();
  });

  it('ignores an idea of only spaces', () => {
    const callback = vi.fn();
    setOnIdeaSubmit(callback);

    post('   ');

    expect(callback).not.toHaveBeenCalled();
  });

  it('shows and hides an error with showIdeaError', () => {
    showIdeaError('Not connected');
    const error = document.querySelector<HTMLElement>('.idea-form .form-message');
    expect(error?.textContent).toBe('Not connected');

    showIdeaError('');
    expect(error?.hidden).toBe(true);
  });
});

describe('idea list', () => {
  it('shows "No ideas yet." and a count of 0 before the first idea', () => {
    resetIdeas();

    expect(document.querySelector<HTMLElement>('.ideas-empty')?.hidden).toBe(false);
    expect(document.querySelector('.ideas-count')?.textContent).toBe('0');
  });

  it('shows the snapshot newest first, without highlight', () => {
    resetIdeas([idea('1'), idea('2'), idea('3')]);

    expect(texts()).toEqual(['Idea 3', 'Idea 2', 'Idea 1']);
    expect(document.querySelectorAll('.is-highlighted')).toHaveLength(0);
    expect(document.querySelector('.ideas-count')?.textContent).toBe('3');
    expect(document.querySelector<HTMLElement>('.ideas-empty')?.hidden).toBe(true);
  });

  it('puts a new idea on top, with its author and time, briefly highlighted', () => {
    vi.useFakeTimers();
    resetIdeas([idea('1')]);

    addIdea(idea('2', { author: 'Grace' }));

    const [first] = items();
    expect(texts()).toEqual(['Idea 2', 'Idea 1']);
    expect(first?.querySelector('.idea-author')?.textContent).toBe('Grace');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-29T09:15:00.000Z');
    expect(first?.classList.contains('is-highlighted')).toBe(true);

    vi.advanceTimersByTime(HIGHLIGHT_MS);
    expect(first?.classList.contains('is-highlighted'), 'plain after the highlight').toBe(false);
  });

  it('updates an idea that is already shown instead of adding it twice', () => {
    addIdea(idea('1'));
    addIdea(idea('1', { text: 'Edited' }));

    expect(texts()).toEqual(['Edited']);
    expect(document.querySelector('.ideas-count')?.textContent).toBe('1');
  });

  it('starts over with resetIdeas', () => {
    addIdea(idea('1'));

    resetIdeas([idea('7')]);

    expect(texts()).toEqual(['Idea 7']);
  });

  it('shows HTML in text and author as literal text and creates no elements from it', () => {
    addIdea(idea(HTML_PAYLOAD, { text: HTML_PAYLOAD, author: HTML_PAYLOAD }));

    expect(items()[0]?.querySelector('.idea-text')?.textContent).toBe(HTML_PAYLOAD);
    expect(items()[0]?.querySelector('.idea-author')?.textContent).toBe(HTML_PAYLOAD);
    expect(document.querySelectorAll('img, script'), 'no <img> or <script> was created').toHaveLength(0);
  });

  it('throws a helpful error when index.html has no ideas container', () => {
    document.body.innerHTML = '';

    expect(() => addIdea(idea('1'))).toThrow('shared-ui: add <div data-ui="ideas"></div> to index.html');
  });
});

describe('ideas in German', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '?lang=de');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/'); // back to English for the other tests
  });

  it('has a German title, field, button and empty state', () => {
    setOnIdeaSubmit(vi.fn());

    expect(document.querySelector('.ideas-title')?.firstChild?.textContent).toBe('Ideen');
    expect(textarea().closest('label')?.textContent).toBe('Deine Idee');
    expect(textarea().placeholder).toBe('Eine Idee, ein Gedanke');
    expect(document.querySelector('.idea-form button[type="submit"]')?.textContent).toBe('Idee posten');
    expect(document.querySelector('.ideas-empty')?.textContent).toBe('Noch keine Ideen. Poste die erste!');
    expect(document.querySelector('.ideas-list')?.getAttribute('aria-label')).toBe('Ideen, neueste zuerst');
  });
});
