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
