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

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: Digits, grouping: boolean, fraction: number): Intl.NumberFormat {
  const key = `${digits}:${grouping}:${fraction}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(digits === 'arabic-indic' ? 'ar-u-nu-arab' : 'en-US', {
      useGrouping: grouping,
      maximumFractionDigits: fraction,
    });
    formatters.set(key, f);
  }
  return f;
}

/** 1100 → "1,100" or "١٬١٠٠". */
export function formatNumber(value: number, digits: Digits, options: { grouping?: boolean; fraction?: number } = {}): string {
  return numberFormat(digits, options.grouping ?? true, options.fraction ?? 1).format(value);
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
