/**
 * Slide-number fields on masters and layouts. pptxgenjs writes the field's
 * cached text as "null" on the master and as an arbitrary number (e.g. 1002)
 * on layouts; PowerPoint writes the placeholder "‹#›" there (slides keep their
 * real number). The text is what a viewer shows until it recomputes the field.
 */
import { getAttr, mapElements, mapStartTags, setAttr, splitElement } from './xml.js';
import type { PartMap } from './types.js';

export const SLIDE_NUMBER_MARK = '‹#›';

/** Every slidenum field of a master or layout part shows ‹#›. */
export function markSlideNumberFields(xml: string): string {
  return mapElements(xml, 'a:fld', (field) => {
    if (getAttr(field, 'type') !== 'slidenum') return field;
    const { start, inner, end } = splitElement(field);
    return `${start}${inner.replace(/(<a:t(?:\s[^>]*)?>)[\s\S]*?(<\/a:t>)/, (_m, open: string, close: string) => `${open}${SLIDE_NUMBER_MARK}${close}`)}${end}`;
  });
}

/**
 * pptxgenjs's slide master says its slides show no slide number (`<p:hf sldNum="0" …/>`) even
 * where its layouts hold a slide-number placeholder: PowerPoint's Header and Footer dialog then
 * shows "Slide number" unticked, and its "Apply to All" would take the numbers off every slide.
 * Where a layout has the placeholder, the masters say the numbers are shown.
 */
export function showSlideNumbersInMasters(parts: PartMap): PartMap {
  const numbered = [...parts.xml].some(([name, xml]) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(name) && /<p:ph\b[^>]*\btype="sldNum"/.test(xml));
  if (!numbered) return parts;
  const xml = new Map(parts.xml);
  for (const [name, text] of parts.xml) {
    if (/^ppt\/slideMasters\/[^/]+\.xml$/.test(name)) xml.set(name, mapStartTags(text, 'p:hf', (tag) => setAttr(tag, 'sldNum', '1')));
  }
  return { xml, bin: parts.bin };
}
