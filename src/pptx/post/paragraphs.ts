/**
 * Paragraph-level fixes for DrawingML text (slides, layouts, masters, notes, charts).
 *
 * - pptxgenjs writes one a:pPr per run of a multi-run paragraph (#1081), which
 *   breaks CT_TextParagraph (pPr?, runs*, endParaRPr?): keep the first only.
 * - Right-to-left: every paragraph rtl="1" and right-aligned; list-level styles
 *   (a:lvlNpPr, a:defPPr in lstStyle, txStyles, notesStyle, defaultTextStyle) too.
 * - Language: every run property element names the deck's language; the runs of a paragraph
 *   the renderer marked as Latin text (an English source title) name their own.
 */
import { ARABIC_LETTER, LRM, RLM, latinOnly } from '../rtl.js';
import { elementPattern, escapeAttr, getAttr, mapElements, mapStartTags, openTag, setAttr, splitElement, startTagPattern } from './xml.js';

const PPR = 'a:pPr';

/**
 * Alignments kept as written when a paragraph becomes right-to-left: anything the
 * author chose that is not "left" (centred, justified, distributed). Absent or
 * left alignment becomes right alignment.
 */
const KEPT_ALIGNMENTS = new Set(['ctr', 'r', 'just', 'justLow', 'dist', 'thaiDist']);

/** One paragraph `<a:p>…</a:p>`: keep only its first a:pPr, placed before the runs. */
export function keepFirstParagraphProps(paragraph: string): string {
  const at = paragraph.indexOf('<a:pPr');
  if (at === -1 || paragraph.indexOf('<a:pPr', at + 6) === -1) {
    // At most one a:pPr: only its place can be wrong, which the full check below sees.
    if (at === -1 || /^<a:p(?=[\s>])[^>]*>\s*$/.test(paragraph.slice(0, at))) return paragraph;
  }
  const { start, inner, end } = splitElement(paragraph);
  const props = inner.match(elementPattern(PPR));
  if (!props || props.length === 0) return paragraph;
  const first = props[0] as string;
  const firstAt = inner.indexOf(first);
  const leading = inner.slice(0, firstAt);
  if (props.length === 1 && leading.trim() === '') return paragraph;
  const rest = inner.replace(elementPattern(PPR), '');
  return `${start}${first}${rest}${end}`;
}

/** The start tag of a (paragraph or level) properties element, made right-to-left and right-aligned. */
export function rtlPropsTag(tag: string): string {
  const algn = getAttr(tag, 'algn');
  const aligned = algn !== undefined && KEPT_ALIGNMENTS.has(algn) ? tag : setAttr(tag, 'algn', 'r');
  return setAttr(aligned, 'rtl', '1');
}

/** The first a:pPr of a paragraph's content (not global: `exec` is safe). */
const FIRST_PPR = new RegExp(elementPattern(PPR).source);

/**
 * The beginning of a paragraph as pptxgenjs 4.0.1 writes one in right-to-left mode, two spaces
 * included: its a:pPr first, already rtl="1" and right-aligned (the first of each attribute),
 * which rtlPropsTag keeps as it is. Another spelling only misses this shortcut.
 */
const RTL_PARAGRAPH_START = '<a:p><a:pPr rtl="1"  algn="r"';
/** The a:pPr element at `lastIndex` (sticky). */
const PPR_HERE = new RegExp(elementPattern(PPR).source, 'y');

/** One paragraph: its a:pPr (added when missing) gets rtl="1" and right alignment. */
export function makeParagraphRtl(paragraph: string): string {
  if (paragraph.startsWith(RTL_PARAGRAPH_START)) {
    // Nothing to change when that a:pPr is a whole element (the one the steps below would find) with no other a:pPr in it.
    PPR_HERE.lastIndex = 5;
    const props = PPR_HERE.exec(paragraph);
    if (props && props[0].indexOf('<a:pPr', 6) === -1) return paragraph;
  }
  const { start, inner, end } = splitElement(paragraph);
  const found = FIRST_PPR.exec(inner);
  if (!found) return `${openTag(start)}<a:pPr algn="r" rtl="1"/>${inner}${end || '</a:p>'}`;
  const props = mapStartTags(found[0], PPR, rtlPropsTag);
  return `${start}${inner.slice(0, found.index)}${props}${inner.slice(found.index + found[0].length)}${end}`;
}

/** The start tag of any list-level style: a:defPPr, a:lvl1pPr … a:lvl9pPr (one pass over the part). */
const LEVEL_STYLE_TAG = new RegExp(startTagPattern('a:defPPr').source.replace('a:defPPr', 'a:(?:defPPr|lvl[1-9]pPr)'), 'g');

/** Every list-level style (a:defPPr, a:lvl1pPr … a:lvl9pPr) of a part made right-to-left. */
export function rtlLevelStyles(xml: string): string {
  // (the cheap test first: a part without "pPr" (a:lvl1pPr) or "PPr" (a:defPPr) has none)
  return xml.includes('pPr') || xml.includes('PPr') ? xml.replace(LEVEL_STYLE_TAG, rtlPropsTag) : xml;
}

/**
 * Whether every a:pPr of a part opens its paragraph (`<a:p><a:pPr`), as pptxgenjs writes them
 * for a one-run paragraph: then no paragraph has two, nor one out of place (a:p does not nest;
 * the parts pptxgenjs writes hold no comments or CDATA, where the text "<a:pPr" could stand alone).
 */
function everyPropsOpensParagraph(xml: string): boolean {
  for (let at = xml.indexOf('<a:pPr'); at !== -1; at = xml.indexOf('<a:pPr', at + 6)) {
    if (at < 5 || !xml.startsWith('<a:p>', at - 5)) return false;
  }
  return true;
}

/** Every paragraph of a part keeps only its first a:pPr. */
export function singleParagraphProps(xml: string): string {
  // (the cheap test first: a part with no paragraph to change is given back as it is)
  return everyPropsOpensParagraph(xml) ? xml : mapElements(xml, 'a:p', keepFirstParagraphProps);
}

/** Every paragraph and list-level style of a part made right-to-left and right-aligned. */
export function rtlParagraphs(xml: string): string {
  return rtlLevelStyles(mapElements(xml, 'a:p', makeParagraphRtl));
}

const RUN_TEXT = /<a:t>([^<]*)<\/a:t>/g;
const RUN_PROPS = startTagPattern('a:rPr');

/**
 * The English titles of the dataset's sources: a paragraph the renderer marked as Latin text
 * (it begins with a left-to-right mark: rtl.ts, isolateLatin) and that has no Arabic letter has
 * its runs tagged with `lang` instead of the deck's Arabic, and left out of proofing (noProof:
 * some titles quote French or Spanish). PowerPoint marked every word of them misspelled; a
 * screen reader reads them in an English voice. Other paragraphs are left alone, whatever
 * their letters ("NATO" in a bullet stays Arabic text).
 */
export function tagLatinRuns(xml: string, lang: string): string {
  if (!xml.includes(LRM)) return xml;
  const value = escapeAttr(lang);
  return mapElements(xml, 'a:p', (paragraph) => {
    const text = Array.from(paragraph.matchAll(RUN_TEXT), (m) => m[1]).join('');
    if (!text.startsWith(LRM) || !latinOnly(text)) return paragraph;
    return paragraph.replace(RUN_PROPS, (tag) => setAttr(setAttr(tag, 'lang', value), 'noProof', '1'));
  });
}

/** The start tag of any run properties element: a:rPr, a:endParaRPr, a:defRPr (one pass over the part). */
const RUN_PROPS_TAG = new RegExp(startTagPattern('a:rPr').source.replace('a:rPr', 'a:(?:rPr|endParaRPr|defRPr)'), 'g');

/** `lang` on every run, end-of-paragraph and default run properties element of a part. */
export function setTextLang(xml: string, lang: string): string {
  const value = escapeAttr(lang);
  const already = ` lang="${value}"`;
  return xml.replace(RUN_PROPS_TAG, (tag) => (tag.includes(already) ? tag : setAttr(tag, 'lang', value)));
}

/** A Latin letter (ASCII and Latin-1 to Latin Extended-B), by its code. */
const isLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
/** Arabic punctuation, which ends no Latin run; what a right-to-left mark is put before. */
const ARABIC_PUNCTUATION = /[،؛؟]/;
/** An Arabic letter or mark, or a right-to-left mark, by its code. */
const isArabic = (c: number) => c === 0x200f || (ARABIC_LETTER.test(String.fromCharCode(c)) && !ARABIC_PUNCTUATION.test(String.fromCharCode(c)));

/** Whether the nearest letter before `at` in a run's text is Latin (XML entities, digits and punctuation are passed over). */
function latinBefore(text: string, at: number): boolean {
  for (let j = at - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x3b /* ; */) {
      const amp = text.lastIndexOf('&', j);
      if (amp !== -1 && /^&#?\w+;$/.test(text.slice(amp, j + 1))) {
        j = amp; // an entity (&quot;) is a neutral, whatever its letters
        continue;
      }
    }
    if (isLatin(c)) return true;
    if (isArabic(c)) return false;
  }
  return false;
}

/**
 * A right-to-left mark before Arabic punctuation (، ؛ ؟) whose nearest letter before it is Latin,
 * whatever stands between (quotes, brackets, digits: «IMEC»، G20، U.S.،): «لممر IMEC، 20 أيلول»
 * put the 20 on the wrong side of IMEC, since by the bidi rules a number after a Latin word is
 * laid out with it; the mark ends the Latin run at the comma, as the author meant.
 */
export function anchorArabicPunctuation(xml: string): string {
  if (!/[،؛؟]/.test(xml)) return xml;
  return xml.replace(/<a:t>([^<]*)<\/a:t>/g, (whole, text: string) => {
    if (!/[A-Za-z\u00C0-\u024F][^<]*[،؛؟]/.test(text)) return whole;
    return `<a:t>${text.replace(/[،؛؟]/g, (mark: string, at: number) => (text[at - 1] !== RLM && latinBefore(text, at) ? `${RLM}${mark}` : mark))}</a:t>`;
  });
}
