/**
 * Arabic figures for slides: digits per audience, separators, percentages, month names as the
 * article writes them, and number-noun agreement by the Arabic plural rules.
 */
export type Digits = 'western' | 'arabic-indic';

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Replaces Western digits in any text with the audience's digits. */
export function toDigits(text: string, digits: Digits): string {
  if (digits === 'western') return text;
  return text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!).replace(/(?<=[٠-٩]),(?=[٠-٩])/g, '٬').replace(/(?<=[٠-٩])\.(?=[٠-٩])/g, '٫');
}

/** Arabic script: its letters and marks, and its punctuation (، ؛ ؟ ٪) and digits. */
const ARABIC_SCRIPT = /\p{Script_Extensions=Arabic}/u;
const LETTER = /\p{L}/u;
/** A URL (scheme:// or www.) or an e-mail address (an @ with a Latin letter after it): a token kept as it is written. */
const WEB = /(?<!\S)(?:[^\sa-z]*[a-z][a-z0-9+.-]*:\/\/|www\.|[^\s@]+@(?=[^\s@]*[a-z]))\S*/iu;
/** A piece of text localizeDigits looks at: a URL or e-mail address, or a run of Western digits (with , . between digits). */
const PIECE = new RegExp(`${WEB.source}|([0-9]+(?:[.,][0-9]+)*)`, 'giu');
/** What joins a token's parts: F-16, COVID-19, A/RES/70/1, report_2024.pdf. */
const JOINER = /[-\u2010\u2011_./]/;

/** A figure with its unit after it: a sign joined (48%), a word after a space (4.5 مليار دولار). */
export function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text}${/^[%٪‰]/.test(unit) ? '' : ' '}${unit}` : text;
}

type Script = 'arabic' | 'other';
/**
 * What a character says of the script around it: Arabic (a letter, mark, punctuation or digit of
 * Arabic script, or a right-to-left mark), another (a letter of any other script, Latin above
 * all, or a left-to-right mark), or nothing (spaces, Western digits, common punctuation).
 */
function scriptOf(ch: string): Script | undefined {
  if (ch === '\u200F' || ARABIC_SCRIPT.test(ch)) return 'arabic';
  if (ch === '\u200E' || LETTER.test(ch)) return 'other';
  return undefined;
}

/** Text with its figures in Western digits (Arabic-Indic and Persian digits, ٫ as the decimal point) and without thousands separators (, or ٬ before three digits). */
export function westernFigures(text: string): string {
  if (!/[٠-٩۰-۹٫٬,]/.test(text)) return text; // (nothing to change: most texts, read one by one by the checks)
  return text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/(?<=\d)٫(?=\d)/g, '.')
    .replace(/(?<=\d)[,٬](?=\d{3}(?!\d))/g, '');
}

/**
 * Text with every Arabic-Indic digit, and the ٬ ٫ and ٪ between or after them, written as
 * Western ones: the inverse of localizeDigits, to compare two texts whatever their digits.
 * (Separators are kept, unlike westernFigures, which reads a figure's value.)
 */
export function inWesternDigits(text: string): string {
  if (!/[٠-٩]/.test(text)) return text;
  return text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/(?<=[0-9])٬(?=[0-9])/g, ',')
    .replace(/(?<=[0-9])٫(?=[0-9])/g, '.')
    .replace(/(?<=[0-9])٪/g, '%');
}

/**
 * Text as an Arabic-Indic audience reads it: a run of Western digits in Arabic text becomes
 * Arabic-Indic (its , and . between digits becoming ٬ and ٫; digit for digit, nothing grouped),
 * and a % that follows an Arabic-Indic digit becomes ٪. Latin stays Latin: a run keeps its
 * digits when
 * - the nearest letter before it is not Arabic (G20, COVID-19, F-16, S-400, ISO 3166, UNSCR 2254,
 *   the years in an English title): it is part of a run of Latin text, as the bidi algorithm
 *   reads it too; Arabic punctuation (، ؛) ends such a run. With no letter before it, the first
 *   letter after it decides ("2024 Country Reports" stays, "2024 عام" and a lone "2019" change);
 * - a letter that is not Arabic follows it, directly or across one - _ . / (5G, 3D, 2024.pdf), or
 *   across spaces when the run opens a bracket, a quote or the text («(12 March 2024)», «2023
 *   Country Reports»; but «نشرت 12 F-16» and «في 2024 NATO» are Arabic's);
 * - it sits in a URL or an e-mail address.
 * Idempotent, so figures the helpers printed already are left as they are; western digits
 * return the text unchanged.
 */
export function localizeDigits(text: string, digits: Digits): string {
  if (digits === 'western' || !/[0-9%]/.test(text)) return text;
  const converted = eachPiece(text, (piece, kept) => (kept ? piece : toDigits(piece, 'arabic-indic')));
  return converted.replace(/(?<=[٠-٩])%/g, '٪');
}

/**
 * Where `text` has Western digits that an Arabic-Indic audience keeps as written (by the rules
 * of localizeDigits: a URL or e-mail address, and each run of digits that belongs to Latin text,
 * G20, F-16, UNSCR 2254): the start and end of each such piece. The template check (MJZ165)
 * reports no figure there: those digits are a name's, not the analysis's.
 */
export function latinDigits(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (/[0-9]/.test(text)) {
    eachPiece(text, (piece, kept, at) => {
      if (kept) spans.push({ start: at, end: at + piece.length });
      return piece;
    });
  }
  return spans;
}

/**
 * Each piece of `text` (a URL or e-mail address, or a run of Western digits) handed to `each`
 * with whether an Arabic-Indic audience keeps it as written; the text with each piece replaced
 * by what `each` returns.
 */
function eachPiece(text: string, each: (piece: string, kept: boolean, at: number) => string): string {
  // The script of the nearest letter before each run, kept up to date in one pass over the text.
  let last: Script | undefined;
  let scanned = 0;
  // With no letter before a run, the text's first letter is after it: found once, when needed.
  let first: { script: Script | undefined } | undefined;
  return text.replace(PIECE, (piece: string, run: string | undefined, at: number) => {
    for (; scanned < at; scanned++) last = scriptOf(text[scanned]!) ?? last;
    if (run === undefined) return each(piece, true, at); // a URL or an e-mail address
    if ((last ?? (first ??= { script: [...text].map(scriptOf).find(Boolean) }).script) === 'other') return each(run, true, at);
    const end = at + run.length;
    // the first letter after it, directly or across one joiner (5G, F-16 before it is Latin's
    // run already); across spaces too when it opens a bracket, a quote or the text, as a Latin
    // phrase begins: «(12 March 2024)», «2023 Country Reports», but «نشرت 12 F-16» is Arabic's
    const joined = JOINER.test(text[end] ?? '') ? end + 1 : end;
    const opens = /(^|[(«"“'[])[ \u00A0]*$/.test(text.slice(0, at));
    const after = opens ? text.slice(joined).replace(/^[ \u00A0]+/, '') : text.slice(joined);
    return each(run, after !== '' && scriptOf(after[0]!) === 'other', at);
  });
}

/**
 * 1100 → "1,100" or "١٬١٠٠": what `Intl.NumberFormat` ("en-US" or "ar-u-nu-arab", at most
 * `fraction` decimals, half away from zero) writes, without it. Creating the first
 * NumberFormat loads ICU's number data, 12 ms of every cold build; this is the same rule in a
 * few lines, held to Intl's output by a property test (tests/format/arabic.test.ts). Arabic
 * digits and separators come from toDigits; Intl writes the minus sign after an Arabic letter mark.
 */
export function formatNumber(value: number, digits: Digits, options: { grouping?: boolean; fraction?: number } = {}): string {
  const grouping = options.grouping ?? true;
  const fraction = options.fraction ?? 1;
  if (!Number.isFinite(value) || !Number.isInteger(fraction) || fraction < 0 || fraction > 20) return intlFormat(value, digits, grouping, fraction);
  const { whole, decimals } = roundHalfUp(Math.abs(value), fraction);
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  const text = toDigits(decimals ? `${grouped}.${decimals}` : grouped, digits);
  const negative = value < 0 || Object.is(value, -0);
  return negative ? `${digits === 'arabic-indic' ? '\u061C-' : '-'}${text}` : text;
}

/**
 * A non-negative finite number rounded to `fraction` decimals, half up, from its shortest
 * decimal form (the digits String() gives, as ICU reads a double); trailing zeros dropped.
 */
function roundHalfUp(x: number, fraction: number): { whole: string; decimals: string } {
  const [mantissa = '0', exponent = '0'] = String(x).split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  let figures = int + frac;
  let point = int.length + Number(exponent); // the decimal point sits after `point` figures
  if (point < 0) {
    figures = '0'.repeat(-point) + figures;
    point = 0;
  }
  const keep = point + fraction;
  figures = figures.padEnd(keep + 1, '0');
  let kept = figures.slice(0, keep);
  if (figures.charCodeAt(keep) >= 0x35 /* '5' */) {
    kept = increment(kept);
    if (kept.length > keep) point += 1;
  }
  const whole = kept.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const decimals = kept.slice(point).replace(/0+$/, '');
  return { whole, decimals };
}

/** A string of decimal digits plus one ("999" → "1000"; "" → "1"). */
function increment(figures: string): string {
  let i = figures.length - 1;
  while (i >= 0 && figures[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(figures.length)}`;
  return figures.slice(0, i) + String(Number(figures[i]) + 1) + '0'.repeat(figures.length - i - 1);
}

const formatters = new Map<string, Intl.NumberFormat>();
/** Intl itself, for what formatNumber leaves to it (NaN, infinities, odd fraction counts). */
function intlFormat(value: number, digits: Digits, grouping: boolean, fraction: number): string {
  const key = `${digits}:${grouping}:${fraction}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(digits === 'arabic-indic' ? 'ar-u-nu-arab' : 'en-US', { useGrouping: grouping, maximumFractionDigits: fraction });
    formatters.set(key, f);
  }
  return f.format(value);
}

/** A year is never grouped: 2014 → "2014" or "٢٠١٤". */
export function formatYear(value: number, digits: Digits): string {
  return formatNumber(value, digits, { grouping: false, fraction: 0 });
}

/** 0.4 → "40%" or "٤٠٪". */
export function formatPercent(ratio: number, digits: Digits, fraction = 0): string {
  const n = formatNumber(Math.round(ratio * 100 * 10 ** fraction) / 10 ** fraction, digits, { fraction });
  return digits === 'arabic-indic' ? `${n}٪` : `${n}%`;
}

/** Month names as the article writes them: the Levantine name, then the international one. */
export const MONTHS = [
  'كانون الثاني/يناير',
  'شباط/فبراير',
  'آذار/مارس',
  'نيسان/أبريل',
  'أيار/مايو',
  'حزيران/يونيو',
  'تموز/يوليو',
  'آب/أغسطس',
  'أيلول/سبتمبر',
  'تشرين الأول/أكتوبر',
  'تشرين الثاني/نوفمبر',
  'كانون الأول/ديسمبر',
] as const;

/** "2014-09" → "أيلول/سبتمبر 2014"; "2025-11-03" → "3 تشرين الثاني/نوفمبر 2025"; "2015" → "2015". */
export function formatDate(value: string, digits: Digits): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw new RangeError(`not a date: ${value}`);
  const year = formatYear(Number(m[1]), digits);
  if (!m[2]) return year;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) throw new RangeError(`not a month: ${value}`);
  if (!m[3]) return `${month} ${year}`;
  return `${formatYear(Number(m[3]), digits)} ${month} ${year}`;
}

/** The forms of a counted noun, by the Arabic plural categories. */
export interface NounForms {
  /** 1, and the noun alone: عضو */
  one: string;
  /** 2: عضوان */
  two: string;
  /** 3-10: أعضاء */
  few: string;
  /** 11-99: عضواً */
  many: string;
  /** 100, 0 and the rest: عضو */
  other: string;
}

const pluralRules = new Intl.PluralRules('ar');

/**
 * A number with its noun in agreement: 1 عضو واحد, 2 عضوان, 3 أعضاء, 11 عضواً, 100 عضو, 102 عضوان.
 * `one` is written "عضو واحد" and `two` the dual alone, as Arabic does for 1 and 2.
 */
export function countNoun(n: number, forms: NounForms, digits: Digits): string {
  const number = formatNumber(n, digits);
  // CLDR puts 101 and 102 under "other"; Arabic counts them by their last part: 102 عضوان.
  if (Number.isInteger(n) && n > 100 && n % 100 === 1) return `${number} ${forms.one}`;
  if (Number.isInteger(n) && n > 100 && n % 100 === 2) return `${number} ${forms.two}`;
  const category = pluralRules.select(n) as keyof NounForms | 'zero';
  switch (category) {
    case 'one':
      return `${forms.one} واحد`;
    case 'two':
      return n === 2 ? forms.two : `${number} ${forms.two}`;
    case 'few':
      return `${number} ${forms.few}`;
    case 'many':
      return `${number} ${forms.many}`;
    default:
      return `${number} ${forms.other}`;
  }
}

/**
 * Arabic text as wording checks read it: without short vowels and other marks (tashkeel) or the
 * tatweel, with every alef (أ إ آ ٱ) a bare alef and the alef maqsura a ya («إلى» and «الى», «وفقًا»
 * and «وفقاً» alike). `at(i)` is the place in the text as written of the folded text's i-th
 * character, to point at a word found in it.
 */
export function foldArabic(text: string): { text: string; at: (i: number) => number } {
  let out = '';
  const places: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\u064B-\u065F\u0670\u0640]/.test(ch)) continue;
    out += /[أإآٱ]/.test(ch) ? 'ا' : ch === 'ى' ? 'ي' : ch;
    places.push(i);
  }
  return { text: out, at: (i) => places[i] ?? text.length };
}
