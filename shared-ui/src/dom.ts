/** What `createElement` can set on a new element. */
interface ElementOptions {
  /** One or more CSS classes, separated by spaces. */
  className?: string;
  /** Shown as plain text: `<b>hi</b>` appears as exactly those characters, never as bold. */
  text?: string;
}

/**
 * Creates an element with an optional class and text.
 *
 * Text goes through `textContent`, never `innerHTML`, so a message like `<img src=x onerror=alert(1)>`
 * from the server is displayed as text and can't run code. Every piece of shared-ui builds its UI with this.
 */
export function createElement<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  options: ElementOptions = {},
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  return element;
}
