import type { PptxSlide, ShapeProps, TextProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import { toDigits } from '../../format/arabic.js';
import { BODY, faceWidth, oneLineSize, type PlacedText } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';
import type { Theme } from '../../audience/theme.js';
import { addBullets, addNote, addTitle, bodyBox, bulletsText, noteText, titleText, type Box, type RenderContext } from './common.js';

type BulletsSlide = Extract<Slide, { kind: 'bullets' }>;
type AgendaSlide = Extract<Slide, { kind: 'agenda' }>;

/** The least size of a callout's figure: it shrinks to stay on one line of its panel down to this. */
const CALLOUT_MIN_SIZE = 16;

/**
 * Where a bullets slide puts its text: the bullets in the body box, or, beside a callout, on its
 * right, the figure's panel on the left (the end of the reading line) with the figure and its label.
 */
function bulletsLayout(spec: BulletsSlide, theme: Theme): { bullets: Box; callout?: { panel: Box; value: Box; label: Box; size: number } } {
  const box = bodyBox(Boolean(spec.source));
  if (!spec.callout) return { bullets: box };
  const panel = { x: BODY.x, y: box.y + 0.2, w: 3.2, h: 2.6 };
  // One line, as in a stats card: «أكثر من 1,100» at the theme's big size is wider than the panel.
  const size = oneLineSize(spec.callout.value, panel.w - 0.3, theme.sizes.big, CALLOUT_MIN_SIZE, faceWidth(theme.fonts, 'heading'));
  return {
    bullets: { x: BODY.x + 3.6, y: box.y, w: box.w - 3.6, h: box.h },
    callout: { panel, value: { ...panel, h: 1.4 }, label: { x: panel.x + 0.2, y: panel.y + 1.5, w: panel.w - 0.4, h: 1.0 }, size },
  };
}

export function renderBullets(slide: PptxSlide, spec: BulletsSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  const layout = bulletsLayout(spec, theme);
  // The text on the right, first in the slide's shape order, which screen readers and the Tab key follow.
  addBullets(slide, spec.bullets, layout.bullets, theme);
  if (spec.callout && layout.callout) {
    const { panel, value, label, size } = layout.callout;
    slide.addShape('rect', { ...panel, fill: { color: theme.colors.surface }, line: { type: 'none' } } as ShapeProps);
    slide.addText(spec.callout.value, { ...value, ...ar(headingStyle(theme, size, theme.colors.accent)), align: 'center', valign: 'bottom', margin: 0 } as TextPropsOptions);
    slide.addText(spec.callout.label, { ...label, ...ar(bodyStyle(theme, theme.sizes.small + 2, theme.colors.text)), align: 'center', valign: 'top', margin: 0 } as TextPropsOptions);
  }
  if (spec.source) addNote(slide, spec.source, theme);
}

/** The texts of a bullets slide as renderBullets places them (for MJZ174). */
export function bulletsSlideTexts(spec: BulletsSlide, ctx: Pick<RenderContext, 'theme' | 'logo'>): PlacedText[] {
  const { theme } = ctx;
  const layout = bulletsLayout(spec, theme);
  const texts = [titleText(spec.title, ctx), bulletsText(spec.bullets, layout.bullets, theme, ['bullets'])];
  if (spec.callout && layout.callout) {
    const { panel, value, label, size } = layout.callout;
    const labelSize = theme.sizes.small + 2;
    texts.push(
      { path: ['callout', 'value'], what: "callout's figure", paragraphs: [{ text: spec.callout.value, size }], width: value.w * 72, room: value.h * 72, anchor: 'bottom', face: 'heading', size, min: Math.min(CALLOUT_MIN_SIZE, theme.sizes.big), max: theme.sizes.big },
      // (down to the bottom of its panel)
      { path: ['callout', 'label'], what: "callout's label", paragraphs: [{ text: spec.callout.label, size: labelSize }], width: label.w * 72, room: (panel.y + panel.h - label.y) * 72, anchor: 'top', face: 'body', size: labelSize, min: labelSize, max: labelSize },
    );
  }
  if (spec.source) texts.push(noteText(spec.source, theme, ['source']));
  return texts;
}

/** The agenda's columns: its items in one, or from 6 items in two (the first on the right), each a box. */
function agendaColumns(spec: AgendaSlide): { box: Box; items: string[]; first: number }[] {
  const half = Math.ceil(spec.items.length / 2);
  const columns = spec.items.length > 5 ? [spec.items.slice(0, half), spec.items.slice(half)] : [spec.items];
  const gap = 0.4;
  const w = (BODY.w - gap * (columns.length - 1)) / columns.length;
  // The first column is on the right.
  return columns.map((items, col) => ({ box: { x: BODY.x + BODY.w - (col + 1) * w - col * gap, y: BODY.y + 0.2, w, h: BODY.h - 0.4 }, items, first: col * half }));
}

/** The space after each agenda item, in points, and the margin of its box on each side. */
const AGENDA_AFTER = 14;
const AGENDA_MARGIN = 4;

const agendaItem = (item: string, n: number, theme: Theme) => `${toDigits(String(n), theme.digits)}. ${item}`;

export function renderAgenda(slide: PptxSlide, spec: AgendaSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  for (const { box, items, first } of agendaColumns(spec)) {
    const runs = items.map((item, i) => ({
      text: agendaItem(item, first + i + 1, theme),
      options: ar(bodyStyle(theme, theme.sizes.body + 2), { breakLine: true, paraSpaceAfter: AGENDA_AFTER }),
    }));
    slide.addText(runs as TextProps[], { ...box, ...ar(bodyStyle(theme, theme.sizes.body + 2)), valign: 'top', margin: AGENDA_MARGIN } as TextPropsOptions);
  }
}

/** The texts of an agenda as renderAgenda places them: its title and each column of items, in the theme's size (for MJZ174). */
export function agendaTexts(spec: AgendaSlide, ctx: Pick<RenderContext, 'theme' | 'logo'>): PlacedText[] {
  const { theme } = ctx;
  const size = theme.sizes.body + 2;
  return [
    titleText(spec.title, ctx),
    ...agendaColumns(spec).map(({ box, items, first }): PlacedText => ({
      path: ['items', first],
      what: 'items',
      plural: true,
      paragraphs: items.map((item, i) => ({ text: agendaItem(item, first + i + 1, theme), size })),
      width: box.w * 72 - 2 * AGENDA_MARGIN,
      room: box.h * 72 - AGENDA_MARGIN,
      after: AGENDA_AFTER,
      anchor: 'top',
      face: 'body',
      size,
      min: size,
      max: size,
    })),
  ];
}
