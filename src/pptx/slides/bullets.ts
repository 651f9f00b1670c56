import type { PptxSlide, ShapeProps, TextProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import { toDigits } from '../../format/arabic.js';
import { BODY, faceWidth, oneLineSize } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';
import { addBullets, addNote, addTitle, bodyBox, type RenderContext } from './common.js';

type BulletsSlide = Extract<Slide, { kind: 'bullets' }>;
type AgendaSlide = Extract<Slide, { kind: 'agenda' }>;

export function renderBullets(slide: PptxSlide, spec: BulletsSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  const box = bodyBox(Boolean(spec.source));
  if (spec.callout) {
    // The figure stands on the left (the end of the reading line); the text on the right, and
    // first in the slide's shape order, which screen readers and the Tab key follow.
    addBullets(slide, spec.bullets, { x: BODY.x + 3.6, y: box.y, w: box.w - 3.6, h: box.h }, theme);
    const panel = { x: BODY.x, y: box.y + 0.2, w: 3.2, h: 2.6 };
    slide.addShape('rect', { ...panel, fill: { color: theme.colors.surface }, line: { type: 'none' } } as ShapeProps);
    // One line, as in a stats card: «أكثر من 1,100» at the theme's big size is wider than the panel.
    const size = oneLineSize(spec.callout.value, panel.w - 0.3, theme.sizes.big, 16, faceWidth(theme.fonts, 'heading'));
    slide.addText(spec.callout.value, { ...panel, h: 1.4, ...ar(headingStyle(theme, size, theme.colors.accent)), align: 'center', valign: 'bottom', margin: 0 } as TextPropsOptions);
    slide.addText(spec.callout.label, { x: panel.x + 0.2, y: panel.y + 1.5, w: panel.w - 0.4, h: 1.0, ...ar(bodyStyle(theme, theme.sizes.small + 2, theme.colors.text)), align: 'center', valign: 'top', margin: 0 } as TextPropsOptions);
  } else {
    addBullets(slide, spec.bullets, box, theme);
  }
  if (spec.source) addNote(slide, spec.source, theme);
}

export function renderAgenda(slide: PptxSlide, spec: AgendaSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  const half = Math.ceil(spec.items.length / 2);
  const columns = spec.items.length > 5 ? [spec.items.slice(0, half), spec.items.slice(half)] : [spec.items];
  const gap = 0.4;
  const w = (BODY.w - gap * (columns.length - 1)) / columns.length;
  columns.forEach((items, col) => {
    // The first column is on the right.
    const x = BODY.x + BODY.w - (col + 1) * w - col * gap;
    const offset = col * half;
    const runs = items.map((item, i) => ({
      text: `${toDigits(String(i + 1 + offset), theme.digits)}. ${item}`,
      options: ar(bodyStyle(theme, theme.sizes.body + 2), { breakLine: true, paraSpaceAfter: 14 }),
    }));
    slide.addText(runs as TextProps[], { x, y: BODY.y + 0.2, w, h: BODY.h - 0.4, ...ar(bodyStyle(theme, theme.sizes.body + 2)), valign: 'top', margin: 4 } as TextPropsOptions);
  });
}
