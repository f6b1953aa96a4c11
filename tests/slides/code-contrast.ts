// Runs in the page: how readable the code on the current slide is from the back of a room. For every token of
// every code block, the contrast (WCAG 2) of its colour against the block's background, with the opacity of its
// line applied: the highlighted lines must reach AA (4.5:1); the dimmed lines must still differ visibly.

export interface CodeContrast {
  /** The lowest contrast of a token on a line shown at full strength; undefined without code. */
  lowestFull: number | undefined;
  /** The lowest contrast of a token on a dimmed line. */
  lowestDimmed: number | undefined;
  /** The highest share of its full contrast that a dimmed token keeps (1 would be no dimming at all). */
  highestDimmedShare: number | undefined;
  /** The token with the lowest full contrast, to name it in a failure. */
  weakestToken: string | undefined;
}

export function measureCodeContrast(slideNumber: number): CodeContrast {
  const slide = document.querySelector(`[data-slidev-no="${slideNumber}"]`);
  const result: CodeContrast = {
    lowestFull: undefined,
    lowestDimmed: undefined,
    highestDimmedShare: undefined,
    weakestToken: undefined,
  };
  for (const block of slide?.querySelectorAll<HTMLElement>('pre.slidev-code') ?? []) {
    const background = parseColor(getComputedStyle(block).backgroundColor) ?? [255, 255, 255, 1];
    for (const line of block.querySelectorAll<HTMLElement>('.line')) {
      const opacity = Number(getComputedStyle(line).opacity);
      for (const token of line.querySelectorAll<HTMLElement>('span')) {
        if (token.children.length > 0 || (token.textContent ?? '').trim() === '') continue;
        const color = parseColor(getComputedStyle(token).color);
        if (!color) continue;
        const full = contrast(blend(color, background, color[3]), background);
        const shown = contrast(blend(color, background, color[3] * opacity), background);
        if (opacity >= 0.99) {
          if (result.lowestFull === undefined || full < result.lowestFull) {
            result.lowestFull = full;
            result.weakestToken = `"${token.textContent}" in ${getComputedStyle(token).color}`;
          }
          continue;
        }
        result.lowestDimmed = Math.min(result.lowestDimmed ?? shown, shown);
        result.highestDimmedShare = Math.max(result.highestDimmedShare ?? 0, shown / full);
      }
    }
  }
  return result;

  function parseColor(text: string): [number, number, number, number] | undefined {
    const match = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(text);
    if (!match) return undefined;
    return [
      Number(match[1]),
      Number(match[2]),
      Number(match[3]),
      match[4] === undefined ? 1 : Number(match[4]),
    ];
  }

  function blend(front: number[], back: number[], alpha: number): number[] {
    return [0, 1, 2].map((index) => (front[index] ?? 0) * alpha + (back[index] ?? 0) * (1 - alpha));
  }

  function luminance(rgb: number[]): number {
    const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  function contrast(a: number[], b: number[]): number {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
  }
}
