import { beforeEach, describe, expect, it, vi } from 'vitest';
import { findContainer, findPart, getRenderedContainer, renderOnce } from './containers';

beforeEach(() => {
  document.body.innerHTML = '<div data-ui="chat"></div>';
});

describe('findContainer', () => {
  it('finds the container by its data-ui name', () => {
    expect(findContainer('chat')).toBe(document.querySelector('[data-ui="chat"]'));
  });

  it('returns null when the page has no such container', () => {
    expect(findContainer('toasts')).toBeNull();
  });
});

describe('renderOnce', () => {
  it('renders the first time only, so calling it twice is harmless', () => {
    const container = findContainer('chat') as HTMLElement;
    const render = vi.fn((element: HTMLElement) => element.append(document.createElement('form')));

    renderOnce(container, render);
    renderOnce(container, render);

    expect(render, 'render runs exactly once').toHaveBeenCalledTimes(1);
    expect(container.querySelectorAll('form'), 'no duplicate UI').toHaveLength(1);
  });
});

describe('getRenderedContainer', () => {
  it('returns the container after rendering it', () => {
    const render = vi.fn();

    const container = getRenderedContainer('chat', render);

    expect(container.dataset.ui).toBe('chat');
    expect(render).toHaveBeenCalledWith(container);
  });

  it('throws an error that says exactly which element to add to index.html', () => {
    expect(() => getRenderedContainer('notification-table', vi.fn())).toThrow(
      'shared-ui: add <div data-ui="notification-table"></div> to index.html',
    );
  });
});

describe('findPart', () => {
  it('finds a rendered element inside a container', () => {
    const container = findContainer('chat') as HTMLElement;
    container.append(document.createElement('form'));

    expect(findPart(container, 'form').tagName).toBe('FORM');
  });

  it('throws a clear error when the element is missing', () => {
    const container = findContainer('chat') as HTMLElement;

    expect(() => findPart(container, 'form')).toThrow('shared-ui: "form" is missing');
  });
});
