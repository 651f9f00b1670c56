/**
 * Chart parts (ppt/charts/chartN.xml): language, LibreOffice bidi embedding,
 * and the axis-id defect. Paragraph direction, run language and font slots of
 * chart text are handled by the generic text transforms (paragraphs.ts, fonts.ts).
 */
import { childElements, escapeAttr, getAttr, mapElements, setAttr, splitElement } from './xml.js';

/** U+202B RIGHT-TO-LEFT EMBEDDING … U+202C POP DIRECTIONAL FORMATTING. */
export const RLE = '\u202B';
export const PDF = '\u202C';

/** Text wrapped in RLE…PDF (once; empty text stays empty). */
export function embedRtl(text: string): string {
  if (text.trim() === '' || (text.startsWith(RLE) && text.endsWith(PDF))) return text;
  return `${RLE}${text}${PDF}`;
}

function wrapContent(element: string): string {
  const { start, inner, end } = splitElement(element);
  return end === '' ? element : `${start}${embedRtl(inner)}${end}`;
}

/**
 * `<c:lang val="…"/>` at its schema position in c:chartSpace (after c:date1904,
 * before everything else), or its value updated when present.
 */
export function setChartLang(xml: string, lang: string): string {
  const value = escapeAttr(lang);
  if (/<c:lang(?=[\s/>])/.test(xml)) return mapElements(xml, 'c:lang', (el) => setAttr(el, 'val', value));
  const element = `<c:lang val="${value}"/>`;
  const date = /<c:date1904(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/c:date1904>)/.exec(xml);
  if (date) return xml.slice(0, date.index + date[0].length) + element + xml.slice(date.index + date[0].length);
  const space = /<c:chartSpace(?=[\s>])[^>]*>/.exec(xml);
  if (!space) return xml;
  return xml.slice(0, space.index + space[0].length) + element + xml.slice(space.index + space[0].length);
}

/** Every a:t of every chart, axis and series title (c:title rich text) wrapped in RLE…PDF. */
export function embedTitles(xml: string): string {
  return mapElements(xml, 'c:title', (title) => mapElements(title, 'a:t', wrapContent));
}

/** One c:ser: the c:v values of its own c:tx (the series name) wrapped in RLE…PDF. */
export function embedSeriesName(series: string): string {
  const { start, inner, end } = splitElement(series);
  const rebuilt = childElements(inner)
    .map((c) => (c.name === 'c:tx' ? mapElements(c.text, 'c:v', wrapContent) : c.text))
    .join('');
  return `${start}${rebuilt}${end}`;
}

/** Every series name of a chart wrapped in RLE…PDF; categories and values are left alone. */
export function embedSeriesNames(xml: string): string {
  return mapElements(xml, 'c:ser', embedSeriesName);
}

const AXES = ['c:catAx', 'c:valAx', 'c:dateAx', 'c:serAx'];

/** One c:plotArea: drop each c:axId of a chart group that no axis of the plot area defines (0 = "none" stays). */
export function dropUndefinedAxisIds(plotArea: string): string {
  const { start, inner, end } = splitElement(plotArea);
  const children = childElements(inner);
  const defined = new Set<string>();
  for (const child of children) {
    if (!AXES.includes(child.name)) continue;
    const first = childElements(splitElement(child.text).inner).find((c) => c.name === 'c:axId');
    const id = first && getAttr(first.text, 'val');
    if (id !== undefined) defined.add(id);
  }
  const rebuilt = children
    .map((child) => {
      if (!/^c:\w+Chart$/.test(child.name)) return child.text;
      const group = splitElement(child.text);
      const kept = childElements(group.inner)
        .filter((c) => {
          if (c.name !== 'c:axId') return true;
          const id = getAttr(c.text, 'val') ?? '';
          return id === '0' || defined.has(id);
        })
        .map((c) => c.text)
        .join('');
      return `${group.start}${kept}${group.end}`;
    })
    .join('');
  return `${start}${rebuilt}${end}`;
}

/** Every plot area of a chart part without dangling axis ids. */
export function dropUndefinedAxes(xml: string): string {
  return mapElements(xml, 'c:plotArea', dropUndefinedAxisIds);
}

