import type { PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import type { Theme } from '../../audience/theme.js';
import { FOOTER, LOGO_Y, MARGIN, SLIDE, TITLE_SLIDE_TITLE_H, fitHeading, type PlacedText } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';
import type { RenderContext } from './common.js';

type TitleSlide = Extract<Slide, { kind: 'title' }>;

/** The width of the title slide's texts, in inches, and the tops of its subtitle and of its byline and date. */
const W = SLIDE.w - 2 * MARGIN - 0.4;
const SUBTITLE_Y = 3.6;
const BYLINE_Y = 5.4;
/** The least size of the title slide's title: it shrinks to fit its placeholder down to this. */
const TITLE_MIN_SIZE = 20;

/**
 * The title of the title slide as it is set. As on content slides: a title too long for the
 * placeholder at the theme's size is set smaller on its run (the placeholder's own size would win
 * over the shape's), and a title of several lines has them set as far apart as the heading face
 * needs. (The placeholder has no margins: the 0.2 in fitSize keeps for a text box's are given back.)
 */
function titleSlideFit(title: string, theme: Theme): { size: number; lineSpacing?: number; min: number; max: number } {
  const max = theme.sizes.big - 10;
  const min = Math.min(TITLE_MIN_SIZE, max);
  return { ...fitHeading(title, { w: W, h: TITLE_SLIDE_TITLE_H + 0.2 }, max, min, theme.fonts), min, max };
}

export function renderTitle(slide: PptxSlide, spec: TitleSlide, { theme, logo }: RenderContext): void {
  const c = theme.colors;
  const w = W;
  const { size, lineSpacing, max } = titleSlideFit(spec.title, theme);
  const style = ar(headingStyle(theme, size, c.onPrimary));
  const run = ar(headingStyle(theme, size, c.onPrimary), lineSpacing ? { lineSpacing } : {});
  slide.addText((size === max && !lineSpacing ? spec.title : [{ text: spec.title, options: run }]) as TextProps[], { placeholder: 'title', ...style } as TextPropsOptions);
  if (spec.subtitle) {
    slide.addText(spec.subtitle, { x: MARGIN, y: SUBTITLE_Y, w, h: 0.9, ...ar(headingStyle(theme, theme.sizes.title + 4, c.accent)), valign: 'top', margin: 0 } as TextPropsOptions);
  }
  const lines = [spec.byline, spec.date].filter((x): x is string => Boolean(x));
  if (lines.length) {
    slide.addText(lines.join('\n'), { x: MARGIN, y: BYLINE_Y, w, h: 1.0, ...ar(bodyStyle(theme, theme.sizes.body - 2, c.onPrimary)), valign: 'top', margin: 0 } as TextPropsOptions);
  }
  // The audience's logo, top right (where reading starts), above the title; last in the shape
  // order, so that a screen reader reads the title first.
  if (logo) slide.addImage({ data: logo.data, x: SLIDE.w - MARGIN - logo.w, y: LOGO_Y, w: logo.w, h: logo.h, altText: logo.alt });
}

/**
 * The texts of the title slide as renderTitle places them (for MJZ174): the title in its
 * placeholder, set at its bottom; the subtitle, which is not fitted (its box holds a line of it,
 * and it may run on down to the byline); the byline and date, which may run on down to the footer rule.
 */
export function titleSlideTexts(spec: TitleSlide, { theme }: Pick<RenderContext, 'theme' | 'logo'>): PlacedText[] {
  const { size, lineSpacing, min, max } = titleSlideFit(spec.title, theme);
  const texts: PlacedText[] = [{ path: ['title'], what: 'title', paragraphs: [{ text: spec.title, size }], width: W * 72, room: TITLE_SLIDE_TITLE_H * 72, ...(lineSpacing ? { line: lineSpacing } : {}), anchor: 'bottom', face: 'heading', size, min, max }];
  if (spec.subtitle) {
    const sub = theme.sizes.title + 4;
    texts.push({ path: ['subtitle'], what: 'subtitle', paragraphs: [{ text: spec.subtitle, size: sub }], width: W * 72, room: (BYLINE_Y - SUBTITLE_Y) * 72, anchor: 'top', face: 'heading', size: sub, min: sub, max: sub });
  }
  const lines = [spec.byline, spec.date].filter((x): x is string => Boolean(x));
  if (lines.length) {
    const body = theme.sizes.body - 2;
    texts.push({ path: [spec.byline ? 'byline' : 'date'], what: spec.byline && spec.date ? 'byline and date' : spec.byline ? 'byline' : 'date', paragraphs: lines.map((text) => ({ text, size: body })), width: W * 72, room: (FOOTER.ruleY - BYLINE_Y) * 72, anchor: 'top', face: 'body', size: body, min: body, max: body });
  }
  return texts;
}
