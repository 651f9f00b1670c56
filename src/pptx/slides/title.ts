import type { PptxSlide, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import { MARGIN, SLIDE } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';
import type { RenderContext } from './common.js';

type TitleSlide = Extract<Slide, { kind: 'title' }>;

export function renderTitle(slide: PptxSlide, spec: TitleSlide, { theme }: RenderContext): void {
  const c = theme.colors;
  const w = SLIDE.w - 2 * MARGIN - 0.4;
  slide.addText(spec.title, { placeholder: 'title', ...ar(headingStyle(theme, theme.sizes.big - 10, c.onPrimary)) } as TextPropsOptions);
  if (spec.subtitle) {
    slide.addText(spec.subtitle, { x: MARGIN, y: 3.6, w, h: 0.9, ...ar(headingStyle(theme, theme.sizes.title + 4, c.accent)), valign: 'top', margin: 0 } as TextPropsOptions);
  }
  const lines = [spec.byline, spec.date].filter((x): x is string => Boolean(x));
  if (lines.length) {
    slide.addText(lines.join('\n'), { x: MARGIN, y: 5.4, w, h: 1.0, ...ar(bodyStyle(theme, theme.sizes.body - 2, c.onPrimary)), valign: 'top', margin: 0 } as TextPropsOptions);
  }
}
