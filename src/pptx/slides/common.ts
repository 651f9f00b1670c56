import type { Pptx, PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { Logo } from '../../audience/logo.js';
import type { Theme } from '../../audience/theme.js';
import type { Bullet, Slide } from '../../spec/schema.js';
import { BODY, FOOTER, MARGIN, SLIDE, estimateLines, faceWidth, fitHeading, fitSize, titleBox, type PlacedText } from '../layout.js';
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

/** The least size a content slide's title is set in: it shrinks to fit its box down to this. */
export const TITLE_MIN_SIZE = 16;

/** A content slide's title as it is set: its box (beside a logo, when the theme has one there), its size and, for several lines in a tall face, their spacing. */
export function titleFit(title: string, { theme, logo }: Pick<RenderContext, 'theme' | 'logo'>): { box: Box; size: number; lineSpacing?: number; min: number } {
  const box = titleBox(logo?.onContent);
  const min = Math.min(TITLE_MIN_SIZE, theme.sizes.title);
  return { box, min, ...fitHeading(title, box, theme.sizes.title, min, theme.fonts) };
}

/**
 * The slide title, in the layout's title placeholder (PowerPoint's outline and screen readers
 * see it). A title too long for one line at the theme's size takes two at a smaller one, so that
 * it never runs into the accent bar under it; its lines are set as far apart as the heading face
 * needs (fitHeading), since LibreOffice's own spacing lets a tall face's lines touch.
 */
export function addTitle(slide: PptxSlide, title: string, ctx: Pick<RenderContext, 'theme' | 'logo'>): void {
  const { theme } = ctx;
  const { size, lineSpacing } = titleFit(title, ctx);
  const style = ar(headingStyle(theme, size), lineSpacing ? { lineSpacing } : {});
  // pptxgenjs lays the placeholder's options (the theme's size) over the shape's; a run's own size wins.
  const text = size === theme.sizes.title && !lineSpacing ? title : [{ text: title, options: style }];
  slide.addText(text as TextProps[], { placeholder: 'title', ...ar(headingStyle(theme, size)) } as TextPropsOptions);
}

/** A content slide's title as placed (the placeholder has no margins, and centres its lines). */
export function titleText(title: string, ctx: Pick<RenderContext, 'theme' | 'logo'>): PlacedText {
  const { box, size, lineSpacing, min } = titleFit(title, ctx);
  return { path: ['title'], what: 'title', paragraphs: [{ text: title, size }], width: box.w * 72, room: box.h * 72, ...(lineSpacing ? { line: lineSpacing } : {}), anchor: 'middle', face: 'heading', size, min, max: ctx.theme.sizes.title };
}

export function bulletText(bullet: Bullet): { text: string; level: number } {
  return typeof bullet === 'string' ? { text: bullet, level: 0 } : { text: bullet.text, level: bullet.level };
}

/** The least size bullets are set in: they shrink to fit their box down to this (or to the size asked, when it is smaller). */
export const BULLETS_MIN_SIZE = 14;
/** A bullet's indent, in points, for each level: its text starts this far in from the right. */
const BULLET_INDENT = 22;
/** The margin of a list's box on each side, in points. */
const LIST_MARGIN = 4;

/** The size a list of bullets is set in: the largest from `maxSize` down to BULLETS_MIN_SIZE at which the fitting counts them inside the box. */
export function bulletsSize(bullets: readonly Bullet[], box: Box, theme: Theme, maxSize = theme.sizes.body): { size: number; min: number } {
  const min = Math.min(BULLETS_MIN_SIZE, maxSize);
  return { size: fitSize(bullets.map((b) => bulletText(b).text), box, maxSize, min, 1.9, faceWidth(theme.fonts, 'body')), min };
}

/** A right-to-left bullet list: bullets on the right, one paragraph per bullet. */
export function addBullets(slide: PptxSlide, bullets: readonly Bullet[], box: Box, theme: Theme, maxSize = theme.sizes.body): void {
  const items = bullets.map(bulletText);
  const { size } = bulletsSize(bullets, box, theme, maxSize);
  const runs = items.map((item) => ({
    text: item.text,
    options: ar(bodyStyle(theme, item.level ? size - 2 : size), {
      bullet: { indent: BULLET_INDENT },
      indentLevel: item.level,
      breakLine: true,
      paraSpaceAfter: Math.round(size * 0.9),
    }),
  }));
  slide.addText(runs as TextProps[], { ...box, ...ar(bodyStyle(theme, size)), valign: 'top', margin: [LIST_MARGIN, LIST_MARGIN, LIST_MARGIN, LIST_MARGIN] } as TextPropsOptions);
}

/** A list of bullets as addBullets places it (`path`: where the spec holds them, from the slide). */
export function bulletsText(bullets: readonly Bullet[], box: Box, theme: Theme, path: (string | number)[], maxSize = theme.sizes.body): PlacedText {
  const { size, min } = bulletsSize(bullets, box, theme, maxSize);
  const paragraphs = bullets.map(bulletText).map((b) => ({ text: b.text, size: b.level ? size - 2 : size, indent: BULLET_INDENT * (b.level + 1) }));
  return { path, what: 'bullets', plural: true, paragraphs, width: box.w * 72 - 2 * LIST_MARGIN, room: box.h * 72 - LIST_MARGIN, after: Math.round(size * 0.9), anchor: 'top', face: 'body', size, min, max: maxSize };
}

/** The least size a note is set in. */
export const NOTE_MIN_SIZE = 9;

/** The size of a note: the theme's small size, or less, down to NOTE_MIN_SIZE, until it takes at most two lines of its box. */
export function noteSize(text: string, theme: Theme): number {
  const w = SLIDE.w - 2 * MARGIN;
  let size = theme.sizes.small;
  const lines = (s: number) => estimateLines(text, s, w, 0.5 * faceWidth(theme.fonts, 'body'));
  while (size > NOTE_MIN_SIZE && (lines(size) > 2 || (lines(size) * size * 1.5) / 72 > NOTE_H)) size--;
  return size;
}

/**
 * A small line above the footer: a source or a caveat, in at most two lines that stay inside
 * the note's box (Amiri's lines are about 1.5 em apart in LibreOffice: a two-line note at a
 * large theme's 14 pt ran down onto the footer rule).
 */
export function addNote(slide: PptxSlide, text: string, theme: Theme, y = FOOTER.ruleY - NOTE_H - 0.1): void {
  const w = SLIDE.w - 2 * MARGIN;
  const size = noteSize(text, theme);
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

/** A note as addNote places it, at the bottom of its box (`path`: the field that wrote it, `what`: what it is). */
export function noteText(text: string, theme: Theme, path: (string | number)[], what = 'source line'): PlacedText {
  const size = noteSize(text, theme);
  return { path, what, paragraphs: [{ text, size }], width: (SLIDE.w - 2 * MARGIN) * 72, room: NOTE_H * 72, anchor: 'bottom', face: 'body', size, min: Math.min(NOTE_MIN_SIZE, theme.sizes.small), max: theme.sizes.small };
}

/** Room for a note of up to two lines above the footer. */
const NOTE_H = 0.55;

/** The body box, shortened when a note sits under it. */
export function bodyBox(hasNote: boolean): Box {
  return { ...BODY, h: hasNote ? BODY.h - NOTE_H - 0.1 : BODY.h };
}
