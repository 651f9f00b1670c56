/**
 * Theme fonts (ppt/theme/themeN.xml, a:fontScheme).
 *
 * pptxgenjs sets only `<a:latin>` of the major (heading) and minor (body) fonts
 * and leaves `<a:cs typeface=""/>` empty, so Arabic text that relies on the
 * theme (+mj-cs / +mn-cs) falls back to the `script="Arab"` entry (Times New
 * Roman / Arial). Set latin and cs from the options and point the Arab script
 * entry at the cs face.
 */
import type { FinalizeOptions } from './types.js';
import { escapeAttr, getAttr, mapElements, mapStartTags, setAttr, splitElement } from './xml.js';

export interface FontPair {
  latin: string;
  cs: string;
}

/** One a:majorFont / a:minorFont element with its latin, cs and Arab-script faces set. */
export function setFontCollection(collection: string, fonts: FontPair): string {
  const { start, inner, end } = splitElement(collection);
  const latin = `<a:latin typeface="${escapeAttr(fonts.latin)}"/>`;
  const cs = `<a:cs typeface="${escapeAttr(fonts.cs)}"/>`;
  let next = mapElements(inner, 'a:latin', () => latin);
  next = mapElements(next, 'a:cs', () => cs);
  let arab = false;
  next = mapStartTags(next, 'a:font', (tag) => {
    if (getAttr(tag, 'script') !== 'Arab') return tag;
    arab = true;
    return setAttr(tag, 'typeface', escapeAttr(fonts.cs));
  });
  if (!arab) next = next.replace(cs, () => `${cs}<a:font script="Arab" typeface="${escapeAttr(fonts.cs)}"/>`);
  return `${start}${next}${end}`;
}

/** The theme part with its major and minor fonts set from the options. */
export function setThemeFonts(xml: string, fonts: FinalizeOptions['fonts']): string {
  const withMajor = mapElements(xml, 'a:majorFont', (el) => setFontCollection(el, fonts.major));
  return mapElements(withMajor, 'a:minorFont', (el) => setFontCollection(el, fonts.minor));
}
