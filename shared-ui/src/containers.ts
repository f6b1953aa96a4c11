/** Every `data-ui="…"` container that shared-ui knows how to fill. */
export const CONTAINER_NAMES = [
  'connection-status',
  'notification-table',
  'toasts',
  'chat',
  'join',
  'ideas',
  'presence',
  'countdown',
  'alerts',
  'instructor',
] as const;

export type ContainerName = (typeof CONTAINER_NAMES)[number];

/** Fills an empty container with its UI. */
export type RenderFunction = (container: HTMLElement) => void;

/** Returns the page's `<div data-ui="name">`, or `null` if index.html has none. */
export function findContainer(name: ContainerName): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-ui="${name}"]`);
}

/** Renders a container's UI the first time and does nothing after that, so calling it twice is harmless. */
export function renderOnce(container: HTMLElement, render: RenderFunction): HTMLElement {
  // The marker lives on the element itself: a fresh page (or a fresh test) starts unrendered.
  if (container.hasAttribute('data-ui-rendered')) return container;
  render(container);
  container.setAttribute('data-ui-rendered', '');
  return container;
}

/**
 * Returns the container an API function needs, rendering it first if necessary.
 * Throws an error that names the exact element to add if index.html lacks it.
 */
export function getRenderedContainer(name: ContainerName, render: RenderFunction): HTMLElement {
  const container = findContainer(name);
  if (!container) throw new Error(`shared-ui: add <div data-ui="${name}"></div> to index.html`);
  return renderOnce(container, render);
}

/** Finds an element that shared-ui rendered earlier, e.g. the table's `tbody`. */
export function findPart<T extends Element>(root: ParentNode, selector: string): T {
  const part = root.querySelector<T>(selector);
  if (!part) throw new Error(`shared-ui: "${selector}" is missing; was the container's content replaced?`);
  return part;
}
