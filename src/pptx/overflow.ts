import type { Logo } from '../audience/logo.js';
import type { Theme } from '../audience/theme.js';
import type { Location } from '../diagnostics/diagnostic.js';
import { formatNumber } from '../format/arabic.js';
import type { SpecProblem } from '../spec/parse.js';
import type { Bullet, DeckSpec, Slide } from '../spec/schema.js';
import { setHeight, type PlacedText } from './layout.js';
import { agendaTexts, bulletsSlideTexts } from './slides/bullets.js';
import { chartTexts } from './slides/chart.js';
import { noteText, titleText, type RenderContext } from './slides/common.js';
import { statsTexts } from './slides/stats.js';
import { titleSlideTexts } from './slides/title.js';

/**
 * Text that does not fit its box (MJZ174). The renderers shrink a title, a list of bullets, a
 * card's figure and a note to fit, down to a least size; below it, or where the size is the
 * theme's (a subtitle, a card's label, an agenda), a text too long runs out of its box: over the
 * gold rule under a title, over the footer under bullets, off the slide. Each slide kind says
 * where its texts are and at what size it sets them (the slide modules' *Texts, which share the
 * renderers' boxes and sizes); they are measured as LibreOffice sets them (AS_SET, which errs
 * by a line at most, toward warning), so that a text it lets pass stays in its box, and one it
 * warns about runs out of it, or is within a line of doing so. Tables and lists of sources have
 * warnings of their own (MJZ172, MJZ171), and a chart's own text is laid out by the viewer.
 */

type Ctx = Pick<RenderContext, 'theme' | 'logo'>;

/** The texts of each kind of slide as its renderer places them. */
const TEXTS: { [K in Slide['kind']]: (spec: Extract<Slide, { kind: K }>, ctx: Ctx) => PlacedText[] } = {
  title: titleSlideTexts,
  agenda: agendaTexts,
  bullets: bulletsSlideTexts,
  chart: chartTexts,
  stats: statsTexts,
  table: (spec, ctx) => [titleText(spec.title, ctx), ...(spec.source ? [noteText(spec.source, ctx.theme, ['source'])] : [])],
  sources: (spec, ctx) => [titleText(spec.title, ctx)],
};

/** The texts of a slide as its renderer places them. */
export function placedTexts(slide: Slide, theme: Theme, logo?: Logo): PlacedText[] {
  return (TEXTS[slide.kind] as (spec: Slide, ctx: Ctx) => PlacedText[])(slide, { theme, ...(logo ? { logo } : {}) });
}

/**
 * A title set at this share of the theme's size or less is too long even if it fits: at about
 * half its size it reads as small as the text under it (a content slide's title at 16 pt where the
 * theme's is 30; in a theme of 36 pt, from 19).
 */
export const TITLE_LEAST_SHARE = 0.55;

/** A text that does not fit: it runs out of its box (`over`), or, a title, fits only at about half the theme's size. */
export interface Unfit {
  text: PlacedText;
  problem: 'over' | 'small';
  /** Its lines as LibreOffice sets them, and their height against the room it has (points). */
  lines: number;
  height: number;
}

/**
 * The texts of a slide that do not fit. Only a text set at its least size is said to run out of
 * its box: above it, the fitting, which counts more safely than AS_SET, found that it fits, and
 * the warning and the fitting do not contradict each other.
 */
export function unfitTexts(slide: Slide, theme: Theme, logo?: Logo): Unfit[] {
  return placedTexts(slide, theme, logo).flatMap((text): Unfit[] => {
    const { lines, height } = setHeight(text, theme.fonts);
    if (height > text.room && text.size <= text.min) return [{ text, problem: 'over', lines, height }];
    if (text.what === 'title' && text.size < text.max && text.size <= TITLE_LEAST_SHARE * text.max) return [{ text, problem: 'small', lines, height }];
    return [];
  });
}

/** Where the outline (or the facts) wrote a text a slide shows verbatim, for a warning about it. */
export type OutlinePlace = (text: string) => { location: Location; source?: string } | undefined;

const clip = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n).trimEnd()}…` : text);
const count = (n: number) => formatNumber(n, 'western');
const times = (ratio: number) => (ratio < 10 ? (Math.ceil(ratio * 10) / 10).toFixed(1) : count(Math.ceil(ratio)));

/** What to do about a text too long, by what it is (the longest of a list: `longest` characters). */
function hintFor(text: PlacedText, slide: Slide, longest: number): string {
  const [field, , part] = text.path;
  const has = `this one has ${count(longest)}`;
  switch (field) {
    case 'title':
      return `Shorten the title: a title reads best on one line, in under about 45 characters (${has}); what it leaves out goes into the bullets or the notes.`;
    case 'subtitle':
      return `Shorten the subtitle to a line (${has} characters); what it leaves out goes into the notes.`;
    case 'byline':
    case 'date':
      return `Shorten the byline (the theme's label) or the date (${has} characters).`;
    case 'items':
      return `Shorten the items: an agenda names each part by its short title, in two to four words (the longest here has ${count(longest)} characters); or split the agenda over two slides.`;
    case 'callout':
    case 'stats':
      if ((field === 'callout' ? text.path[1] : part) === 'value') return `Give it a figure and a word or two («أكثر من 1,100»), not a sentence (${has} characters): the words go into its label.`;
      return `Shorten the label to a few words (${has} characters); the detail goes into the bullets${field === 'stats' ? ' under the cards' : ''} or the notes.`;
    case 'bullets':
      if (slide.kind === 'bullets') return `Split the bullets over two slides, or shorten them: a point reads best in under about 110 characters (the longest here has ${count(longest)} characters). For a part of the outline, make it two parts, or show its first points with {{> part-points (part "…") first=3}}.`;
      return `Keep the bullets ${slide.kind === 'chart' ? 'beside a chart' : 'under the cards'} to a few short lines (the longest here has ${count(longest)} characters); move the rest into the notes, or onto a bullets slide of its own.`;
    default:
      return `Shorten it to a line or two (${has} characters), or move the detail into the notes.`;
  }
}

/**
 * MJZ174 for each text of the deck that does not fit its box (unfitTexts), at the place that
 * wrote it: the outline's (or the facts') line when the slide shows its text as written there
 * (`outline`), else the template line that produced it.
 */
export function overflowProblems(deck: DeckSpec, theme: Theme, logo?: Logo, outline: OutlinePlace = () => undefined): SpecProblem[] {
  return deck.slides.flatMap((slide, i) =>
    unfitTexts(slide, theme, logo).flatMap(({ text, problem, lines, height }): SpecProblem[] => {
      // (a list's longest item: the one to shorten, and where it was written)
      let path = text.path;
      let shown: string | undefined = text.paragraphs.length === 1 ? text.paragraphs[0]!.text : undefined;
      if (text.path[0] === 'bullets' || text.path[0] === 'items') {
        const first = typeof text.path[1] === 'number' ? text.path[1] : 0;
        const list = (slide as { bullets?: Bullet[]; items?: string[] })[text.path[0]]!.slice(first, first + text.paragraphs.length).map((b) => (typeof b === 'string' ? b : b.text));
        const k = list.reduce((best, t, j) => (t.length > list[best]!.length ? j : best), 0);
        path = [text.path[0], first + k];
        shown = list[k];
      }
      const longest = shown?.length ?? Math.max(...text.paragraphs.map((p) => p.text.length));
      const place = shown === undefined ? undefined : outline(shown.trim());
      const subject = `The ${text.what} of slide ${i + 1} ("${clip(slide.title)}")`;
      const [does, its, they] = text.plural ? ['do', 'their', 'they are'] : ['does', 'its', 'it is'];
      let message: string;
      if (problem === 'small') {
        message = `${subject} fits its box only at ${text.size} pt, about half the theme's ${text.max} pt: a title that small no longer stands out from the text under it`;
      } else {
        const at = text.min < text.max ? `even at ${text.size} pt, the smallest ${they} set in` : `at ${text.size} pt, the size the theme gives ${text.plural ? 'them' : 'it'}`;
        const spill = text.anchor === 'top' ? `${its} last lines would run out below it` : text.anchor === 'bottom' ? `${its} first lines would run out above it` : `${text.plural ? 'they' : 'it'} would run out above and below it`;
        message = `${subject} ${does} not fit ${its} box ${at}: ${count(lines)} ${lines === 1 ? 'line' : 'lines'}, about ${times(height / text.room)} times the height of the box, so ${spill}`;
      }
      return [{ code: 'MJZ174', severity: 'warning', path: ['slides', i, ...path], message, hint: hintFor(text, slide, longest), ...(place ? { at: place } : {}) }];
    }),
  );
}
