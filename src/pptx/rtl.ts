import type { Theme } from '../audience/theme.js';

/**
 * Every right-to-left decision of the renderer lives here. pptxgenjs mutates the option objects
 * it is given, so each function returns a fresh object.
 */
export const LANG = 'ar-SA';
/** The language of a paragraph of Latin text with no Arabic letter: the dataset's sources are described in English. */
export const LATIN_LANG = 'en-US';

export interface TextStyle {
  fontFace: string;
  fontSize: number;
  color: string;
  bold?: boolean;
}

/** Options for Arabic text: right-to-left, right-aligned, tagged Arabic, in the theme's font. */
export function ar(style: TextStyle, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { rtlMode: true, lang: LANG, align: 'right', ...style, ...extra };
}

export function bodyStyle(theme: Theme, size = theme.sizes.body, color = theme.colors.text): TextStyle {
  return { fontFace: theme.fonts.body, fontSize: size, color };
}

export function headingStyle(theme: Theme, size = theme.sizes.title, color = theme.colors.primary): TextStyle {
  return { fontFace: theme.fonts.heading, fontSize: size, color, bold: true };
}

/** Columns in reading order → left-to-right drawing order: the first column goes on the right. */
export function rtlColumns<T>(cells: readonly T[]): T[] {
  return [...cells].reverse();
}

/** Chart options that make a chart read right to left. */
export function rtlChartAxes(type: 'bar' | 'column' | 'line'): Record<string, unknown> {
  if (type === 'bar') {
    // Horizontal bars grow leftwards from an axis on the right; the first category on top.
    return { valAxisOrientation: 'maxMin', catAxisOrientation: 'maxMin' };
  }
  // Categories run right to left; the value axis moves to the right.
  return { catAxisOrientation: 'maxMin' };
}

/** A character of the Arabic blocks and presentation forms (letters, marks, Arabic punctuation and digits). */
export const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
export const LRM = '\u200E';

/** Text with Latin letters and no Arabic letter: an English source title. */
export function latinOnly(text: string): boolean {
  return !ARABIC_LETTER.test(text) && /[A-Za-z]/.test(text);
}

/**
 * A paragraph with no Arabic letter (an English source title) keeps its own order inside a
 * right-to-left paragraph when it starts and ends with a left-to-right mark: its brackets and
 * trailing punctuation then stay where an English reader expects them.
 */
export function isolateLatin(text: string): string {
  return latinOnly(text) ? `${LRM}${text}${LRM}` : text;
}

export const RLM = '\u200F';

/**
 * A source entry in an Arabic paragraph whose title starts in Latin («W1: EU trade relations…،
 * حزيران/يونيو 2025», or «W5: "Country Reports…"», «W6: 2024 Country Reports…»): a right-to-left
 * mark after its id keeps the id at the right edge, where every other entry has it; without it
 * the id joins the English title's left-to-right run.
 */
export function anchorEntryId(text: string): string {
  if (latinOnly(text)) return text;
  const id = /^([^\s:—]+)(:| —)/.exec(text);
  if (!id) return text;
  // the first letter of the title: a Latin one, behind quotes, brackets or digits, joins the id
  const first = /\p{L}/u.exec(text.slice(id[0].length))?.[0];
  return first && !ARABIC_LETTER.test(first) ? `${id[0]}${RLM}${text.slice(id[0].length)}` : text;
}
