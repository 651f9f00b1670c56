import type { PptxSlide, ShapeProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import { BODY, faceWidth, oneLineSize } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';
import { addBullets, addNote, addTitle, bodyBox, type RenderContext } from './common.js';

type StatsSlide = Extract<Slide, { kind: 'stats' }>;

/** Big figures in cards, read from right to left, with optional bullets underneath. */
export function renderStats(slide: PptxSlide, spec: StatsSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  const c = theme.colors;
  const box = bodyBox(Boolean(spec.source));
  const gap = 0.35;
  const n = spec.stats.length;
  const w = (BODY.w - gap * (n - 1)) / n;
  const h = 2.0;
  spec.stats.forEach((stat, i) => {
    const x = BODY.x + BODY.w - (i + 1) * w - i * gap; // the first card on the right
    slide.addShape('rect', { x, y: box.y, w, h, fill: { color: c.surface }, line: { type: 'none' } } as ShapeProps);
    slide.addShape('rect', { x: x + w - 0.08, y: box.y, w: 0.08, h, fill: { color: c.accent }, line: { type: 'none' } } as ShapeProps);
    // One line: the figure shrinks to the card's width when it carries words (أكثر من 1,100).
    const size = oneLineSize(stat.value, w - 0.5, theme.sizes.big - 6, 20, faceWidth(theme.fonts, 'heading'));
    slide.addText(stat.value, { x: x + 0.1, y: box.y + 0.1, w: w - 0.3, h: 1.0, ...ar(headingStyle(theme, size, c.primary)), align: 'center', valign: 'bottom', margin: 0 } as TextPropsOptions);
    slide.addText(stat.label, { x: x + 0.15, y: box.y + 1.25, w: w - 0.4, h: 0.7, ...ar(bodyStyle(theme, theme.sizes.small + 2)), align: 'center', valign: 'top', margin: 0 } as TextPropsOptions);
  });
  if (spec.bullets?.length) {
    addBullets(slide, spec.bullets, { x: box.x, y: box.y + h + 0.3, w: box.w, h: box.h - h - 0.3 }, theme, theme.sizes.body - 2);
  }
  if (spec.source) addNote(slide, spec.source, theme);
}
