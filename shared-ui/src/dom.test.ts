import { describe, expect, it } from 'vitest';
import { createElement } from './dom';

describe('createElement', () => {
  it('creates the element with its class and text', () => {
    const element = createElement('p', { className: 'note important', text: 'Hello' });

    expect(element.tagName).toBe('P');
    expect(element.className).toBe('note important');
    expect(element.textContent).toBe('Hello');
  });

  it('shows HTML in the text as literal characters and creates no elements', () => {
    const payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const element = createElement('div', { text: payload });

    expect(element.textContent, 'the text is shown exactly as given').toBe(payload);
    expect(element.children, 'no element was parsed from the text').toHaveLength(0);
  });

  it('leaves class and text empty when no options are given', () => {
    const element = createElement('span');

    expect(element.hasAttribute('class')).toBe(false);
    expect(element.textContent).toBe('');
  });
});
