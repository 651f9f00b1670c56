/** The slide grid, in inches, for the 16:9 wide layout. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
export const MARGIN = 0.6;
export const CONTENT_W = SLIDE.w - 2 * MARGIN;

export const TITLE_BOX = { x: MARGIN, y: 0.3, w: CONTENT_W, h: 0.95 } as const;
/** Under the title, with room for the descenders of a large title (ي at 36 pt touched it at 1.28). */
export const ACCENT_BAR = { x: SLIDE.w - MARGIN - 1.6, y: 1.34, w: 1.6, h: 0.06 } as const;
export const BODY = { x: MARGIN, y: 1.6, w: CONTENT_W, h: 4.9 } as const;
/** The height of the title placeholder of the title slide (master.ts). */
export const TITLE_SLIDE_TITLE_H = 1.9;
/** The top of an audience's logo on the title slide: it ends above the title (y 1.6), being at most 1 inch tall. */
export const LOGO_Y = 0.5;
export const FOOTER = { y: 6.88, h: 0.4, ruleY: 6.8 } as const;

/**
 * How wide a face sets Arabic text against Amiri's (1), regular and bold: the article's sentence
 * «يضم التحالف الدولي لمكافحة الإرهاب اليوم 89 عضواً ...» set at 100 pt by FreeType (ImageMagick),
 * letters unjoined, so a guide to proportions rather than a measure. A face not listed counts as
 * Amiri; a theme's `fonts.width` overrides the table.
 */
const FACE_WIDTHS: Record<string, readonly [regular: number, bold: number]> = {
  amiri: [1, 1],
  'noto naskh arabic': [0.98, 1.01],
  'noto sans arabic': [1.07, 1.15],
  'dejavu sans': [1.13, 1.31],
  'noto kufi arabic': [1.15, 1.25],
  lemonada: [1.31, 1.48],
};

/** The width factor of the theme's heading (bold) or body face, for the estimates below. */
export function faceWidth(fonts: { heading: string; body: string; width?: number }, role: 'heading' | 'body'): number {
  if (fonts.width !== undefined) return fonts.width;
  const known = FACE_WIDTHS[(role === 'heading' ? fonts.heading : fonts.body).trim().toLowerCase()];
  return known ? known[role === 'heading' ? 1 : 0] : 1;
}

/**
 * A conservative estimate of how many lines `text` takes in a box `width` inches wide at
 * `size` points: Arabic text in Amiri averages under half an em per character (times the
 * face's width factor for another face).
 */
export function estimateLines(text: string, size: number, width: number, emPerChar = 0.5): number {
  const charsPerLine = Math.max(1, Math.floor((width * 72) / (size * emPerChar)));
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
}

/** The size, at most `max` and at least `min`, at which `text` stays on one line `width` inches wide (a figure in a card). */
export function oneLineSize(text: string, width: number, max: number, min: number, faceFactor = 1): number {
  const fit = Math.floor((width * 72) / (Math.max(1, text.length) * 0.55 * faceFactor));
  return Math.max(min, Math.min(max, fit));
}

/** The largest size from `max` down to `min` at which the paragraphs fit the box (`faceFactor`: faceWidth). */
export function fitSize(paragraphs: readonly string[], box: { w: number; h: number }, max: number, min: number, spacing = 1.5, faceFactor = 1): number {
  for (let size = max; size > min; size--) {
    const lines = paragraphs.reduce((sum, p) => sum + estimateLines(p, size, box.w - 0.6, 0.5 * faceFactor), 0);
    const height = (lines * size * 1.25 + paragraphs.length * size * (spacing - 1)) / 72 + 0.2;
    if (height <= box.h) return size;
  }
  return min;
}
