/** The slide grid, in inches, for the 16:9 wide layout. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
export const MARGIN = 0.6;
export const CONTENT_W = SLIDE.w - 2 * MARGIN;

export const TITLE_BOX = { x: MARGIN, y: 0.3, w: CONTENT_W, h: 0.95 } as const;
export const ACCENT_BAR = { x: SLIDE.w - MARGIN - 1.6, y: 1.28, w: 1.6, h: 0.06 } as const;
export const BODY = { x: MARGIN, y: 1.6, w: CONTENT_W, h: 4.9 } as const;
export const FOOTER = { y: 6.88, h: 0.4, ruleY: 6.8 } as const;

/**
 * A conservative estimate of how many lines `text` takes in a box `width` inches wide at
 * `size` points: Arabic text in the shipped fonts averages under half an em per character.
 */
export function estimateLines(text: string, size: number, width: number, emPerChar = 0.5): number {
  const charsPerLine = Math.max(1, Math.floor((width * 72) / (size * emPerChar)));
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
}

/** The largest size from `max` down to `min` at which the paragraphs fit the box. */
export function fitSize(paragraphs: readonly string[], box: { w: number; h: number }, max: number, min: number, spacing = 1.5): number {
  for (let size = max; size > min; size--) {
    const lines = paragraphs.reduce((sum, p) => sum + estimateLines(p, size, box.w - 0.6), 0);
    const height = (lines * size * 1.25 + paragraphs.length * size * (spacing - 1)) / 72 + 0.2;
    if (height <= box.h) return size;
  }
  return min;
}
