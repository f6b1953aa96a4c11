/** How long a new or updated row or idea glows: as long as the `row-highlight` animation in styles.css. */
export const HIGHLIGHT_MS = 2_500;

/**
 * Marks `element` as new for HIGHLIGHT_MS: the glow fades out, or, with reduced motion, stays steady and then
 * goes. A timer instead of `animationend`: with reduced motion there is no animation, so no event would fire.
 */
export function highlightBriefly(element: HTMLElement): void {
  element.classList.add('is-highlighted');
  setTimeout(() => element.classList.remove('is-highlighted'), HIGHLIGHT_MS);
}
