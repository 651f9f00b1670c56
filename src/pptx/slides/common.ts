import type { Pptx, PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { Logo } from '../../audience/logo.js';
import type { Theme } from '../../audience/theme.js';
import type { Bullet, Slide } from '../../spec/schema.js';
import { BODY, FOOTER, MARGIN, SLIDE, estimateLines, faceWidth, fitHeading, fitSize, titleBox } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';

export interface RenderContext {
  pptx: Pptx;
  theme: Theme;
  /** The type size of a sources slide, shared by the pages of one list (render.ts). */
  sourcesSizeOf?: (slide: Extract<Slide, { kind: 'sources' }>) => number;
  /** The audience's logo, for the title slide (and, with `onContent`, the top left of the others). */
  logo?: Logo;
}

export type Box = { x: number; y: number; w: number; h: number };

/**
 * The slide title, in the layout's title placeholder (PowerPoint's outline and screen readers
 * see it). A title too long for one line at the theme's size takes two at a smaller one, so that
 * it never runs into the accent bar under it; its lines are set as far apart as the heading face
 * needs (fitHeading), since LibreOffice's own spacing lets a tall face's lines touch.
 */
export function addTitle(slide: PptxSlide, title: string, { theme, logo }: Pick<RenderContext, 'theme' | 'logo'>): void {
  const { size, lineSpacing } = fitHeading(title, titleBox(logo?.onContent), theme.sizes.title, Math.min(16, theme.sizes.title), theme.fonts);
  const style = ar(headingStyle(theme, size), lineSpacing ? { lineSpacing } : {});
  // pptxgenjs lays the placeholder's options (the theme's size) over the shape's; a run's own size wins.
  const text = size === theme.sizes.title && !lineSpacing ? title : [{ text: title, options: style }];
  slide.addText(text as TextProps[], { placeholder: 'title', ...ar(headingStyle(theme, size)) } as TextPropsOptions);
}

export function bulletText(bullet: Bullet): { text: string; level: number } {
  return typeof bullet === 'string' ? { text: bullet, level: 0 } : { text: bullet.text, level: bullet.level };
}

/** A right-to-left bullet list: bullets on the right, one paragraph per bullet. */
export function addBullets(slide: PptxSlide, bullets: readonly Bullet[], box: Box, theme: Theme, maxSize = theme.sizes.body): void {
  const items = bullets.map(bulletText);
  const size = fitSize(items.map((b) => b.text), box, maxSize, Math.min(14, maxSize), 1.9, faceWidth(theme.fonts, 'body'));
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

/**
 * A small line above the footer: a source or a caveat, in at most two lines that stay inside
 * the note's box (Amiri's lines are about 1.5 em apart in LibreOffice: a two-line note at a
 * large theme's 14 pt ran down onto the footer rule).
 */
export function addNote(slide: PptxSlide, text: string, theme: Theme, y = FOOTER.ruleY - NOTE_H - 0.1): void {
  const w = SLIDE.w - 2 * MARGIN;
  let size = theme.sizes.small;
  const lines = (s: number) => estimateLines(text, s, w, 0.5 * faceWidth(theme.fonts, 'body'));
  while (size > 9 && (lines(size) > 2 || (lines(size) * size * 1.5) / 72 > NOTE_H)) size--;
  slide.addText(text, {
    x: MARGIN,
    y,
    w,
    h: NOTE_H,
    ...ar(bodyStyle(theme, size, theme.colors.muted)),
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
