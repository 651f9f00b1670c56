import type { PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import type { Theme } from '../../audience/theme.js';
import { BODY, faceWidth, fitSize } from '../layout.js';
import { anchorEntryId, ar, bodyStyle, isolateLatin } from '../rtl.js';
import { addTitle, type RenderContext } from './common.js';

type SourcesSlide = Extract<Slide, { kind: 'sources' }>;

const GAP = 0.4;

/** The largest type size at which the slide's sources fit. */
export function sourcesSize(spec: SourcesSlide, theme: Theme): number {
  return fitSize(spec.items, { w: (BODY.w - GAP) / spec.columns, h: BODY.h * spec.columns }, theme.sizes.body - 4, 10, 1.4, faceWidth(theme.fonts, 'body'));
}

/** The sources, in one or two columns (the first on the right), sized to fit (the size the render stage chose for all its pages, when it is continued). */
export function renderSources(slide: PptxSlide, spec: SourcesSlide, { theme, sourcesSizeOf }: RenderContext): void {
  addTitle(slide, spec.title, theme);
  const columns = spec.columns;
  const per = Math.ceil(spec.items.length / columns);
  const gap = GAP;
  const w = (BODY.w - gap * (columns - 1)) / columns;
  const size = sourcesSizeOf?.(spec) ?? sourcesSize(spec, theme);
  for (let col = 0; col < columns; col++) {
    const items = spec.items.slice(col * per, (col + 1) * per);
    if (!items.length) continue;
    const x = BODY.x + BODY.w - (col + 1) * w - col * gap;
    const runs = items.map((item) => ({ text: isolateLatin(anchorEntryId(item)), options: ar(bodyStyle(theme, size), { breakLine: true, paraSpaceAfter: Math.round(size * 0.3) }) }));
    slide.addText(runs as TextProps[], { x, y: BODY.y, w, h: BODY.h, ...ar(bodyStyle(theme, size)), valign: 'top', margin: 2 } as TextPropsOptions);
  }
}
