import type { Pptx, PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { Theme } from '../../audience/theme.js';
import type { Bullet } from '../../spec/schema.js';
import { BODY, FOOTER, MARGIN, SLIDE, fitSize } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';

export interface RenderContext {
  pptx: Pptx;
  theme: Theme;
}

export type Box = { x: number; y: number; w: number; h: number };

/** The slide title, in the layout's title placeholder (PowerPoint's outline and screen readers see it). */
export function addTitle(slide: PptxSlide, title: string, theme: Theme): void {
  slide.addText(title, { placeholder: 'title', ...ar(headingStyle(theme)) } as TextPropsOptions);
}

export function bulletText(bullet: Bullet): { text: string; level: number } {
  return typeof bullet === 'string' ? { text: bullet, level: 0 } : { text: bullet.text, level: bullet.level };
}

/** A right-to-left bullet list: bullets on the right, one paragraph per bullet. */
export function addBullets(slide: PptxSlide, bullets: readonly Bullet[], box: Box, theme: Theme, maxSize = theme.sizes.body): void {
  const items = bullets.map(bulletText);
  const size = fitSize(items.map((b) => b.text), box, maxSize, Math.min(14, maxSize), 1.9);
  const runs = items.map((item) => ({
    text: item.text,
    options: ar(bodyStyle(theme, item.level ? size - 2 : size), {
      bullet: { indent: 22 },
      indentLevel: item.level,
      breakLine: true,
      paraSpaceAfter: Math.round(size * 0.9),
    }),
  }));
  slide.addText(runs as TextProps[], { ...box, ...ar(bodyStyle(theme, size)), valign: 'top', margin: [4, 4, 4, 4] } as TextPropsOptions);
}

/** A small line above the footer: a source or a caveat. */
export function addNote(slide: PptxSlide, text: string, theme: Theme, y = FOOTER.ruleY - NOTE_H - 0.05): void {
  slide.addText(text, {
    x: MARGIN,
    y,
    w: SLIDE.w - 2 * MARGIN,
    h: NOTE_H,
    ...ar(bodyStyle(theme, theme.sizes.small, theme.colors.muted)),
    valign: 'bottom',
    margin: 0,
  } as TextPropsOptions);
}

/** Room for a note of up to two lines above the footer. */
const NOTE_H = 0.55;

/** The body box, shortened when a note sits under it. */
export function bodyBox(hasNote: boolean): Box {
  return { ...BODY, h: hasNote ? BODY.h - NOTE_H - 0.1 : BODY.h };
}
