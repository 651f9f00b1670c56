import type { PptxSlide, TextProps, TextPropsOptions } from '../types.js';
import { sourceItemText, type SourceItem, type Slide } from '../../spec/schema.js';
import type { Theme } from '../../audience/theme.js';
import { BODY, faceWidth, fitSize } from '../layout.js';
import { LRM, anchorEntryId, ar, bodyStyle, isolateLatin, latinOnly } from '../rtl.js';
import { addTitle, type RenderContext } from './common.js';

type SourcesSlide = Extract<Slide, { kind: 'sources' }>;

const GAP = 0.4;


/**
 * The word that carries an entry's link, at its end: "link" after an English entry (so it stays
 * English text, in its left-to-right run), «رابط» after an Arabic one.
 */
export const linkLabel = (text: string): string => (latinOnly(text) ? 'link' : 'رابط');

/** An entry as the slide shows it, with the word of its link. */
const shownText = (item: SourceItem): string => (typeof item === 'string' ? item : item.url ? `${item.text} ${linkLabel(item.text)}` : item.text);

/** The largest type size at which the slide's sources fit. */
export function sourcesSize(spec: SourcesSlide, theme: Theme): number {
  return fitSize(spec.items.map(shownText), { w: (BODY.w - GAP) / spec.columns, h: BODY.h * spec.columns }, theme.sizes.body - 4, 10, 1.4, faceWidth(theme.fonts, 'body'));
}

/**
 * The sources, in one or two columns (the first on the right), sized to fit (the size the render
 * stage chose for all its pages, when it is continued).
 *
 * An entry with a web address ends with a word that links to it (linkLabel; the address shows
 * when the pointer rests on it), underlined in the slide's text colour (pptxgenjs marks the link
 * to keep the run's colour). Only that word carries the link: LibreOffice draws a link as a
 * field, which it does not wrap (a whole entry as a link ran over the other column) and whose
 * line it draws taller (a link on the entry's first word set its second line apart). An English
 * entry's closing left-to-right mark follows the word, so that in LibreOffice, where a field is
 * neutral to the bidi rules, it stays at the end of the English text.
 */
export function renderSources(slide: PptxSlide, spec: SourcesSlide, { theme, sourcesSizeOf }: RenderContext): void {
  addTitle(slide, spec.title, theme);
  const columns = spec.columns;
  const per = Math.ceil(spec.items.length / columns);
  const gap = GAP;
  const w = (BODY.w - gap * (columns - 1)) / columns;
  const size = sourcesSizeOf?.(spec) ?? sourcesSize(spec, theme);
  const style = () => ar(bodyStyle(theme, size), { paraSpaceAfter: Math.round(size * 0.3) });
  for (let col = 0; col < columns; col++) {
    const items = spec.items.slice(col * per, (col + 1) * per);
    if (!items.length) continue;
    const x = BODY.x + BODY.w - (col + 1) * w - col * gap;
    const runs = items.flatMap((item) => {
      const text = sourceItemText(item);
      const url = typeof item === 'string' ? undefined : item.url;
      if (url === undefined) return [{ text: isolateLatin(anchorEntryId(text)), options: { ...style(), breakLine: true } }];
      const latin = latinOnly(text);
      const href = new URL(url).href; // (an Arabic path percent-encoded, as PowerPoint expects it)
      const link = { text: linkLabel(text), options: { ...style(), hyperlink: { url: href, tooltip: href }, breakLine: !latin } };
      const entry = { text: `${latin ? LRM : ''}${anchorEntryId(text)} `, options: style() };
      return latin ? [entry, link, { text: LRM, options: { ...style(), breakLine: true } }] : [entry, link];
    });
    slide.addText(runs as TextProps[], { x, y: BODY.y, w, h: BODY.h, ...ar(bodyStyle(theme, size)), valign: 'top', margin: 2 } as TextPropsOptions);
  }
}
