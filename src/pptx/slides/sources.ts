import type { PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import { BODY, fitSize } from '../layout.js';
import { ar, bodyStyle, isolateLatin } from '../rtl.js';
import { addTitle, type RenderContext } from './common.js';

type SourcesSlide = Extract<Slide, { kind: 'sources' }>;

/** The sources, in one or two columns (the first on the right), sized to fit. */
export function renderSources(slide: PptxSlide, spec: SourcesSlide, { theme }: RenderContext): void {
  addTitle(slide, spec.title, theme);
  const columns = spec.columns;
  const per = Math.ceil(spec.items.length / columns);
  const gap = 0.4;
  const w = (BODY.w - gap * (columns - 1)) / columns;
  const size = fitSize(spec.items, { w: (BODY.w - gap) / columns, h: BODY.h * columns }, theme.sizes.body - 4, 10, 1.4);
  for (let col = 0; col < columns; col++) {
    const items = spec.items.slice(col * per, (col + 1) * per);
    if (!items.length) continue;
    const x = BODY.x + BODY.w - (col + 1) * w - col * gap;
    const runs = items.map((item) => ({ text: isolateLatin(item), options: ar(bodyStyle(theme, size), { breakLine: true, paraSpaceAfter: Math.round(size * 0.3) }) }));
    slide.addText(runs as TextProps[], { x, y: BODY.y, w, h: BODY.h, ...ar(bodyStyle(theme, size)), valign: 'top', margin: 2 } as TextPropsOptions);
  }
}
