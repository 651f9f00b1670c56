import type { PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import { LOGO_Y, MARGIN, SLIDE, TITLE_SLIDE_TITLE_H, fitHeading } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';
import type { RenderContext } from './common.js';

type TitleSlide = Extract<Slide, { kind: 'title' }>;

export function renderTitle(slide: PptxSlide, spec: TitleSlide, { theme, logo }: RenderContext): void {
  const c = theme.colors;
  const w = SLIDE.w - 2 * MARGIN - 0.4;
  // As on content slides: a title too long for the placeholder at the theme's size is set smaller
  // on its run (the placeholder's own size would win over the shape's), and a title of several
  // lines has them set as far apart as the heading face needs.
  const max = theme.sizes.big - 10;
  // (the placeholder has no margins: the 0.2 in fitSize keeps for a text box's are given back)
  const { size, lineSpacing } = fitHeading(spec.title, { w, h: TITLE_SLIDE_TITLE_H + 0.2 }, max, Math.min(20, max), theme.fonts);
  const style = ar(headingStyle(theme, size, c.onPrimary));
  const run = ar(headingStyle(theme, size, c.onPrimary), lineSpacing ? { lineSpacing } : {});
  slide.addText((size === max && !lineSpacing ? spec.title : [{ text: spec.title, options: run }]) as TextProps[], { placeholder: 'title', ...style } as TextPropsOptions);
  if (spec.subtitle) {
    slide.addText(spec.subtitle, { x: MARGIN, y: 3.6, w, h: 0.9, ...ar(headingStyle(theme, theme.sizes.title + 4, c.accent)), valign: 'top', margin: 0 } as TextPropsOptions);
  }
  const lines = [spec.byline, spec.date].filter((x): x is string => Boolean(x));
  if (lines.length) {
    slide.addText(lines.join('\n'), { x: MARGIN, y: 5.4, w, h: 1.0, ...ar(bodyStyle(theme, theme.sizes.body - 2, c.onPrimary)), valign: 'top', margin: 0 } as TextPropsOptions);
  }
  // The audience's logo, top right (where reading starts), above the title; last in the shape
  // order, so that a screen reader reads the title first.
  if (logo) slide.addImage({ data: logo.data, x: SLIDE.w - MARGIN - logo.w, y: LOGO_Y, w: logo.w, h: logo.h, altText: logo.alt });
}
