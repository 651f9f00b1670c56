/**
 * Slide-number fields on masters and layouts. pptxgenjs writes the field's
 * cached text as "null" on the master and as an arbitrary number (e.g. 1002)
 * on layouts; PowerPoint writes the placeholder "‹#›" there (slides keep their
 * real number). The text is what a viewer shows until it recomputes the field.
 */
import { getAttr, mapElements, splitElement } from './xml.js';

export const SLIDE_NUMBER_MARK = '‹#›';

/** Every slidenum field of a master or layout part shows ‹#›. */
export function markSlideNumberFields(xml: string): string {
  return mapElements(xml, 'a:fld', (field) => {
    if (getAttr(field, 'type') !== 'slidenum') return field;
    const { start, inner, end } = splitElement(field);
    return `${start}${inner.replace(/(<a:t(?:\s[^>]*)?>)[\s\S]*?(<\/a:t>)/, (_m, open: string, close: string) => `${open}${SLIDE_NUMBER_MARK}${close}`)}${end}`;
  });
}
