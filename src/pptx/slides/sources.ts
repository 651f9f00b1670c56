import type { PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import type { SourceItem, Slide } from '../../spec/schema.js';
import type { Theme } from '../../audience/theme.js';
import { BODY, estimateLines, faceWidth, fitSize } from '../layout.js';
import { LRM, anchorEntryId, ar, bodyStyle, isolateLatin, latinOnly } from '../rtl.js';
import { addTitle, type RenderContext } from './common.js';

type SourcesSlide = Extract<Slide, { kind: 'sources' }>;

const GAP = 0.4;
/** The smallest type a sources slide is set in (its lists shrink to fit, down to this). */
export const SOURCES_MIN_SIZE = 10;

/**
 * The word that links an entry to its web address, at the entry's end: "link" after an entry
 * wholly in Latin letters (an English title, which keeps its left-to-right run and its English
 * tag), «رابط» after any other.
 */
const linkWord = (text: string): string => (latinOnly(text) ? 'link' : 'رابط');

/** An entry as the slide shows it: its text, and its link (the address and the word that carries it) when it has one. */
function shown(item: SourceItem): { text: string; link?: { url: string; word: string } } {
  if (typeof item === 'string') return { text: item };
  return item.url ? { text: item.text, link: { url: item.url, word: linkWord(item.text) } } : { text: item.text };
}

/**
 * The room, in ems, the fitting keeps for each linked entry. LibreOffice draws a link as a field
 * and sets the line that holds one taller than the entry's other lines: measured on 14 linked
 * entries, 5.5 pt at 10 pt, 6.6 at 12, 7.9 at 14, 8.7 at 16, about 0.55 em (smaller default
 * sizes in the masters did not change it for Arabic text). The fitting's count of lines already
 * errs on the safe side, so 0.3 em is enough: the least that kept lists of 6 to 16 linked entries
 * inside their box in LibreOffice (a long list at 12 pt ran into the footer without it), while
 * PowerPoint, which draws these lines as any other, loses at most one size.
 */
const FIELD_LINE_EXTRA = 0.3;

/** The entries of each column, as the renderer splits them (the first column on the right). */
function columnsOf<T>(entries: readonly T[], columns: number): T[][] {
  const per = Math.ceil(entries.length / columns);
  return Array.from({ length: columns }, (_, col) => entries.slice(col * per, (col + 1) * per)).filter((c) => c.length > 0);
}

/** An entry as the fitting measures it: its text with the word of its link. */
const measured = (e: ReturnType<typeof shown>) => (e.link ? `${e.text} ${e.link.word}` : e.text);

/** The largest type size at which the slide's sources fit: every column in its box. */
export function sourcesSize(spec: SourcesSlide, theme: Theme): number {
  const box = { w: (BODY.w - GAP) / spec.columns, h: BODY.h };
  const face = faceWidth(theme.fonts, 'body');
  const sizes = columnsOf(spec.items.map(shown), spec.columns).map((column) => {
    const linked = column.filter((e) => e.link).length;
    return fitSize(column.map(measured), box, theme.sizes.body - 4, SOURCES_MIN_SIZE, 1.4, face, undefined, (size) => linked * FIELD_LINE_EXTRA * size);
  });
  return Math.min(...sizes);
}

/**
 * LibreOffice's own spacing of a list of sources, as measured at 10 to 16 pt: lines 1.2 em apart,
 * 0.3 em after each entry, 0.55 em more for the line of a link; Amiri sets Arabic about 0.4 em a
 * character (a 390-character entry took two lines where the fitting counts three) and English
 * about 0.5. The fitting errs on the safe side; the warning goes by these, so as not to cry wolf.
 */
const AS_DRAWN = { line: 1.2, after: 0.3, link: 0.55, arabicEm: 0.4, latinEm: 0.5 };

/**
 * Whether a column of the slide's sources runs past its box even at the smallest size, as
 * LibreOffice draws it (AS_DRAWN): one-line entries warn from 24 (LibreOffice ran over from 26),
 * linked ones from 18 (LibreOffice drew 17 inside the box, 18 over it).
 */
export function sourcesOverflowAtSmallest(spec: SourcesSlide, theme: Theme): boolean {
  const size = SOURCES_MIN_SIZE;
  const width = (BODY.w - GAP * (spec.columns - 1)) / spec.columns - 0.1;
  const face = faceWidth(theme.fonts, 'body');
  return columnsOf(spec.items.map(shown), spec.columns).some((column) => {
    const points = column.reduce((sum, e) => {
      const lines = estimateLines(measured(e), size, width, (latinOnly(e.text) ? AS_DRAWN.latinEm : AS_DRAWN.arabicEm) * face);
      return sum + (lines * AS_DRAWN.line + AS_DRAWN.after + (e.link ? AS_DRAWN.link : 0)) * size;
    }, 0);
    return points > BODY.h * 72;
  });
}

/**
 * The sources, in one or two columns (the first on the right), sized to fit (the size the render
 * stage chose for all its pages, when it is continued).
 *
 * An entry with a web address ends with a word that links to it (linkWord), underlined in the
 * slide's text colour (pptxgenjs marks the link to keep the run's colour), the address shown as
 * written when the pointer rests on it. Only that word carries the link, and at the end, for
 * LibreOffice, which draws a link as a field: it does not wrap a field (a whole entry as a link
 * ran over the other column), and it sets the line of a field taller (FIELD_LINE_EXTRA), which at
 * an entry's start set its first line apart from its second. A field is neutral to
 * LibreOffice's bidi rules, so an English entry's closing left-to-right mark comes after the
 * word, which then stays at the end of the English text.
 */
export function renderSources(slide: PptxSlide, spec: SourcesSlide, ctx: RenderContext): void {
  const { theme, sourcesSizeOf } = ctx;
  addTitle(slide, spec.title, ctx);
  const columns = spec.columns;
  const per = Math.ceil(spec.items.length / columns);
  const gap = GAP;
  const w = (BODY.w - gap * (columns - 1)) / columns;
  const size = sourcesSizeOf?.(spec) ?? sourcesSize(spec, theme);
  const run = (text: string, extra: Record<string, unknown> = {}) => ({ text, options: ar(bodyStyle(theme, size), { paraSpaceAfter: Math.round(size * 0.3), ...extra }) });
  for (let col = 0; col < columns; col++) {
    const items = spec.items.slice(col * per, (col + 1) * per);
    if (!items.length) continue;
    const x = BODY.x + BODY.w - (col + 1) * w - col * gap;
    const runs = items.map(shown).flatMap(({ text, link }) => {
      const entry = isolateLatin(anchorEntryId(text));
      if (!link) return [run(entry, { breakLine: true })];
      // the target as PowerPoint expects it (an Arabic path percent-encoded), the tooltip as written
      const hyperlink = { url: new URL(link.url).href, tooltip: link.url };
      const mark = entry.endsWith(LRM) ? LRM : ''; // an English entry's, after the word
      // (a no-break space before the word keeps it on the line of the entry's last word in PowerPoint;
      // LibreOffice may still break before a field)
      return [run(`${entry.slice(0, entry.length - mark.length)}\u00A0`), run(link.word, { hyperlink, breakLine: !mark }), ...(mark ? [run(mark, { breakLine: true })] : [])];
    });
    slide.addText(runs as TextProps[], { x, y: BODY.y, w, h: BODY.h, ...ar(bodyStyle(theme, size)), valign: 'top', margin: 2 } as TextPropsOptions);
  }
}
