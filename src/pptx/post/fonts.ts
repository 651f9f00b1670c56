/**
 * Font slots of run properties.
 *
 * - pptxgenjs writes `charset="-122"` (GB2312) on a:ea and `charset="-120"`
 *   (Big5) on a:cs; a charset on those slots is never right for an Arabic deck,
 *   and Office may substitute fonts by it: drop it.
 * - Chart text names only a:latin (the legend a:latin + a:cs): every run
 *   properties element that names a:latin also gets a:ea and a:cs, in schema
 *   order (latin, ea, cs), so Arabic text uses the same face.
 */
import { childElements, getAttr, mapElements, removeAttr, splitElement, startTagPattern } from './xml.js';

/** No `charset` on any a:ea or a:cs of a part. */
export function stripCharsetHints(xml: string): string {
  if (!xml.includes('charset')) return xml;
  return xml.replace(EA_CS_TAG, (tag) => (tag.includes('charset') ? removeAttr(tag, 'charset') : tag));
}

/** The start tag of a:ea or a:cs (one pass over the part: a start tag holds no other). */
const EA_CS_TAG = new RegExp(startTagPattern('a:ea').source.replace('a:ea', 'a:(?:ea|cs)'), 'g');

/** The ea/cs counterpart of a latin typeface: theme references map +mn-lt → +mn-ea / +mn-cs. */
function slotFace(latin: string, slot: 'ea' | 'cs'): string {
  const theme = /^\+(mn|mj)-lt$/.exec(latin);
  return theme ? `+${theme[1]}-${slot}` : latin;
}

/**
 * One run properties element (a:rPr, a:defRPr, a:endParaRPr): if it names
 * a:latin, make sure a:ea and a:cs follow it (existing ones with a face are kept
 * and moved right after a:latin; missing or empty ones get the latin face).
 */
export function completeFontSlots(element: string): string {
  const { start, inner, end } = splitElement(element);
  if (end === '' || !inner.includes('<a:latin')) return element;
  const children = childElements(inner);
  const latin = children.find((c) => c.name === 'a:latin');
  if (!latin) return element;
  const face = getAttr(latin.text, 'typeface');
  if (face === undefined) return element;
  const named = (name: string) => children.find((c) => c.name === name && (getAttr(c.text, 'typeface') ?? '') !== '')?.text;
  // `face` is taken from the XML, so it is already escaped.
  const ea = named('a:ea') ?? `<a:ea typeface="${slotFace(face, 'ea')}"/>`;
  const cs = named('a:cs') ?? `<a:cs typeface="${slotFace(face, 'cs')}"/>`;
  const rebuilt = children
    .filter((c) => c.name !== 'a:ea' && c.name !== 'a:cs')
    .map((c) => (c === latin ? `${latin.text}${ea}${cs}` : c.text))
    .join('');
  return `${start}${rebuilt}${end}`;
}

/** Every a:rPr, a:defRPr and a:endParaRPr of a part that names a:latin also names a:ea and a:cs. */
export function completeFontTriples(xml: string): string {
  return ['a:rPr', 'a:defRPr', 'a:endParaRPr'].reduce((acc, name) => mapElements(acc, name, completeFontSlots), xml);
}
