/**
 * Text keys for matching what the PDF shows against what the .pptx says.
 *
 * pdftotext (poppler 22, LibreOffice 7.4 PDFs) emits right-to-left text in VISUAL order: the
 * words of a line from left to right, and each Arabic word with its letters reversed
 * ("الإرهاب" comes out as "باهرإلا"). It also splits words where a letter does not join the
 * next one ("سوريا" → "روس" + "اي"), emits some diacritics as words of their own, and mirrors
 * nothing (brackets keep their glyph code). So words are compared as keys: letters and digits
 * only, Arabic turned back to logical order, diacritics and tatweel dropped.
 */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Runs shown left to right inside a right-to-left word: Latin, and digits (Western and Arabic-Indic, with their separators). */
const LTR_RUN = /[A-Za-z0-9\u00C0-\u024F\u0660-\u066C\u06F0-\u06F9]+/g;
/** Harakat, Quranic marks, superscript alef, tatweel. */
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
/** Bidi controls the generator may add (LRM, RLM, ALM, embeddings, isolates). */
const BIDI = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * A PDF word in logical order: for a word with Arabic letters the characters are reversed,
 * then every left-to-right run inside it (digits, Latin) is turned back.
 */
export function logicalWord(visual: string): string {
  if (!hasArabic(visual)) return visual;
  return [...visual].reverse().join('').replace(LTR_RUN, (run) => [...run].reverse().join(''));
}

/** Letters and digits only, no marks, no bidi controls, presentation forms folded (NFKC). */
export function textKey(text: string): string {
  return text.normalize('NFKC').replace(BIDI, '').replace(MARKS, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** The key of a word as the PDF shows it. */
export function wordKey(visual: string): string {
  return textKey(logicalWord(visual));
}

/** A short form of a text for messages. */
export function clip(text: string, max = 50): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
