import type { PptxSlide, ShapeProps, TextPropsOptions } from '../types.js';
import type { Slide } from '../../spec/schema.js';
import type { Theme } from '../../audience/theme.js';
import { BODY, faceWidth, oneLineSize, type PlacedText } from '../layout.js';
import { ar, bodyStyle, headingStyle } from '../rtl.js';
import { addBullets, addNote, addTitle, bodyBox, bulletsText, noteText, titleText, type Box, type RenderContext } from './common.js';

type StatsSlide = Extract<Slide, { kind: 'stats' }>;

/** The least size of a card's figure: it shrinks to stay on one line of its card down to this. */
const FIGURE_MIN_SIZE = 20;
/** A card's height, in inches, and the room between the cards and the bullets under them. */
const CARD_H = 2.0;
const UNDER = 0.3;

/** Each card of a stats slide (the first on the right): its box, its figure's box and size, its label's box. */
function cards(spec: StatsSlide, theme: Theme): { card: Box; value: Box; label: Box; size: number }[] {
  const box = bodyBox(Boolean(spec.source));
  const gap = 0.35;
  const n = spec.stats.length;
  const w = (BODY.w - gap * (n - 1)) / n;
  return spec.stats.map((stat, i) => {
    const x = BODY.x + BODY.w - (i + 1) * w - i * gap; // the first card on the right
    // One line: the figure shrinks to the card's width when it carries words (أكثر من 1,100).
    const size = oneLineSize(stat.value, w - 0.5, theme.sizes.big - 6, FIGURE_MIN_SIZE, faceWidth(theme.fonts, 'heading'));
    return { card: { x, y: box.y, w, h: CARD_H }, value: { x: x + 0.1, y: box.y + 0.1, w: w - 0.3, h: 1.0 }, label: { x: x + 0.15, y: box.y + 1.25, w: w - 0.4, h: 0.7 }, size };
  });
}

/** The bullets under the cards. */
function bulletsBox(spec: StatsSlide): Box {
  const box = bodyBox(Boolean(spec.source));
  return { x: box.x, y: box.y + CARD_H + UNDER, w: box.w, h: box.h - CARD_H - UNDER };
}

/** Big figures in cards, read from right to left, with optional bullets underneath. */
export function renderStats(slide: PptxSlide, spec: StatsSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  const c = theme.colors;
  cards(spec, theme).forEach(({ card, value, label, size }, i) => {
    const stat = spec.stats[i]!;
    slide.addShape('rect', { ...card, fill: { color: c.surface }, line: { type: 'none' } } as ShapeProps);
    slide.addShape('rect', { x: card.x + card.w - 0.08, y: card.y, w: 0.08, h: card.h, fill: { color: c.accent }, line: { type: 'none' } } as ShapeProps);
    slide.addText(stat.value, { ...value, ...ar(headingStyle(theme, size, c.primary)), align: 'center', valign: 'bottom', margin: 0 } as TextPropsOptions);
    slide.addText(stat.label, { ...label, ...ar(bodyStyle(theme, theme.sizes.small + 2)), align: 'center', valign: 'top', margin: 0 } as TextPropsOptions);
  });
  if (spec.bullets?.length) addBullets(slide, spec.bullets, bulletsBox(spec), theme, theme.sizes.body - 2);
  if (spec.source) addNote(slide, spec.source, theme);
}

/** The texts of a stats slide as renderStats places them (for MJZ174). */
export function statsTexts(spec: StatsSlide, ctx: Pick<RenderContext, 'theme' | 'logo'>): PlacedText[] {
  const { theme } = ctx;
  const labelSize = theme.sizes.small + 2;
  const texts = [titleText(spec.title, ctx)];
  cards(spec, theme).forEach(({ card, value, label, size }, i) => {
    const stat = spec.stats[i]!;
    const max = theme.sizes.big - 6;
    texts.push(
      { path: ['stats', i, 'value'], what: `figure of card ${i + 1}`, paragraphs: [{ text: stat.value, size }], width: value.w * 72, room: value.h * 72, anchor: 'bottom', face: 'heading', size, min: Math.min(FIGURE_MIN_SIZE, max), max },
      // (down to the bottom of its card)
      { path: ['stats', i, 'label'], what: `label of card ${i + 1}`, paragraphs: [{ text: stat.label, size: labelSize }], width: label.w * 72, room: (card.y + card.h - label.y) * 72, anchor: 'top', face: 'body', size: labelSize, min: labelSize, max: labelSize },
    );
  });
  if (spec.bullets?.length) texts.push(bulletsText(spec.bullets, bulletsBox(spec), theme, ['bullets'], theme.sizes.body - 2));
  if (spec.source) texts.push(noteText(spec.source, theme, ['source']));
  return texts;
}
