/**
 * Schema order of the children of p:presentation (CT_Presentation). pptxgenjs
 * writes p:notesMasterIdLst after p:sldIdLst on purpose; PowerPoint accepts it,
 * the schema does not. Children are reordered by the schema sequence; unknown
 * children keep their relative order at the position of p:extLst (the end).
 */
import { childElements, splitElement } from './xml.js';

export const PRESENTATION_ORDER = [
  'p:sldMasterIdLst',
  'p:notesMasterIdLst',
  'p:handoutMasterIdLst',
  'p:sldIdLst',
  'p:sldSz',
  'p:notesSz',
  'p:smartTags',
  'p:embeddedFontLst',
  'p:custShowLst',
  'p:photoAlbum',
  'p:custDataLst',
  'p:kinsoku',
  'p:defaultTextStyle',
  'p:modifyVerifier',
  'p:extLst',
];

/** The children of the root element `root` of `xml` stably sorted by `order`. */
export function reorderChildren(xml: string, root: string, order: readonly string[]): string {
  const open = new RegExp(`<${root}(?=[\\s>])`).exec(xml);
  if (!open) return xml;
  const head = xml.slice(0, open.index);
  const { start, inner, end } = splitElement(xml.slice(open.index));
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? order.length - 1 : i;
  };
  const children = childElements(inner).filter((c) => c.name !== '#text' || c.text.trim() !== '');
  const sorted = children
    .map((child, i) => ({ child, i }))
    .sort((a, b) => rank(a.child.name) - rank(b.child.name) || a.i - b.i)
    .map(({ child }) => child.text);
  return `${head}${start}${sorted.join('')}${end}`;
}

/** presentation.xml with its children in schema order. */
export function orderPresentation(xml: string): string {
  return reorderChildren(xml, 'p:presentation', PRESENTATION_ORDER);
}
