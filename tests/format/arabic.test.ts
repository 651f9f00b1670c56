import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countNoun, formatDate, formatNumber, formatPercent, formatYear, latinDigits, localizeDigits, toDigits } from '../../src/format/arabic.js';

const member = { one: 'عضو', two: 'عضوان', few: 'أعضاء', many: 'عضواً', other: 'عضو' };

describe('Arabic figures', () => {
  it('prints numbers with Western or Arabic-Indic digits and the right separators', () => {
    expect(formatNumber(1100, 'western')).toBe('1,100');
    expect(formatNumber(1100, 'arabic-indic')).toBe('١٬١٠٠');
    expect(formatNumber(89, 'arabic-indic')).toBe('٨٩');
  });

  it('never groups years', () => {
    expect(formatYear(2014, 'western')).toBe('2014');
    expect(formatYear(2014, 'arabic-indic')).toBe('٢٠١٤');
  });

  it('prints percentages', () => {
    expect(formatPercent(0.404, 'western')).toBe('40%');
    expect(formatPercent(0.404, 'arabic-indic')).toBe('٤٠٪');
  });

  it('converts digits inside text', () => {
    expect(toDigits('العضو 90 من 1,100', 'arabic-indic')).toBe('العضو ٩٠ من ١٬١٠٠');
    expect(toDigits('العضو 90', 'western')).toBe('العضو 90');
  });

  it('writes months as the article does', () => {
    expect(formatDate('2014-09', 'western')).toBe('أيلول/سبتمبر 2014');
    expect(formatDate('2025-11-03', 'western')).toBe('3 تشرين الثاني/نوفمبر 2025');
    expect(formatDate('2025-11-03', 'arabic-indic')).toBe('٣ تشرين الثاني/نوفمبر ٢٠٢٥');
    expect(formatDate('2015', 'western')).toBe('2015');
    expect(() => formatDate('2014-13', 'western')).toThrow(/not a month/);
  });

  it('agrees number and noun by the Arabic plural rules', () => {
    expect(countNoun(1, member, 'western')).toBe('عضو واحد');
    expect(countNoun(2, member, 'western')).toBe('عضوان');
    expect(countNoun(3, member, 'western')).toBe('3 أعضاء');
    expect(countNoun(10, member, 'western')).toBe('10 أعضاء');
    expect(countNoun(11, member, 'western')).toBe('11 عضواً');
    expect(countNoun(89, member, 'western')).toBe('89 عضواً');
    expect(countNoun(100, member, 'western')).toBe('100 عضو');
    expect(countNoun(102, member, 'western')).toBe('102 عضوان');
    expect(countNoun(103, member, 'western')).toBe('103 أعضاء');
    expect(countNoun(90, member, 'arabic-indic')).toBe('٩٠ عضواً');
  });
});

describe('formatNumber against Intl.NumberFormat', () => {
  const intl = (value: number, digits: 'western' | 'arabic-indic', grouping: boolean, fraction: number) =>
    new Intl.NumberFormat(digits === 'arabic-indic' ? 'ar-u-nu-arab' : 'en-US', { useGrouping: grouping, maximumFractionDigits: fraction }).format(value);

  it.each([0, -0, 1, 9.95, 0.05, -0.04, 1.005, 2.5, 999.96, 1100, -1100.25, 123456789.123, 1e21, 1.5e300, 5e-324, 0.000001234, 89, 90, 2014])('writes %s as Intl does', (value) => {
    for (const digits of ['western', 'arabic-indic'] as const) {
      for (const fraction of [0, 1, 2, 3]) {
        for (const grouping of [true, false]) expect(formatNumber(value, digits, { grouping, fraction }), `${value} ${digits} ${fraction} ${grouping}`).toBe(intl(value, digits, grouping, fraction));
      }
    }
  });

  it('writes any number as Intl does', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 100000 }).map((n) => n / 100), fc.integer({ min: 0, max: 10000 }).map((n) => n / 1000 + 0.0005));
    fc.assert(
      fc.property(value, fc.constantFrom('western', 'arabic-indic' as const), fc.boolean(), fc.integer({ min: 0, max: 4 }), (v, digits, grouping, fraction) => {
        expect(formatNumber(v, digits, { grouping, fraction })).toBe(intl(v, digits, grouping, fraction));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('digits in Arabic text (localizeDigits)', () => {
  const indic = (text: string) => localizeDigits(text, 'arabic-indic');

  it('keeps the digits of a Latin phrase that a figure opens, after spaces («(12 March 2024)», «2023 Country Reports»)', () => {
    expect(indic('بحسب رويترز (12 March 2024)')).toBe('بحسب رويترز (12 March 2024)');
    expect(indic('تقرير «2023 Country Reports on Terrorism»')).toBe('تقرير «2023 Country Reports on Terrorism»');
    expect(indic('عام 2024 (FFIS)')).toBe('عام ٢٠٢٤ (FFIS)');
    // a figure in an Arabic sentence before a Latin name is the sentence's
    expect(indic('نشرت 12 F-16 و في 2024 NATO أعلن ومن 5 G20 دول')).toBe('نشرت ١٢ F-16 و في ٢٠٢٤ NATO أعلن ومن ٥ G20 دول');
  });

  it('writes the digits an outline types in Arabic text as the audience does, beside the facts', () => {
    // the review's sentence: the fact printed ٦١, the year typed after it stayed 2024
    expect(indic('…إلى ٦١ متراً مكعباً سنوياً عام 2024')).toBe('…إلى ٦١ متراً مكعباً سنوياً عام ٢٠٢٤');
    expect(indic('2024 عام الجفاف')).toBe('٢٠٢٤ عام الجفاف');
    expect(indic('الفترة 2014-2024')).toBe('الفترة ٢٠١٤-٢٠٢٤');
    expect(indic('كوفيد-19')).toBe('كوفيد-١٩');
    expect(indic('الساعة 10:30')).toBe('الساعة ١٠:٣٠');
  });

  it('turns , and . between digits into the Arabic separators, digit for digit and never grouping', () => {
    expect(indic('أكثر من 1,100 مشروع بنسبة 12.5 بالمئة')).toBe('أكثر من ١٬١٠٠ مشروع بنسبة ١٢٫٥ بالمئة');
    expect(indic('عام 2024.')).toBe('عام ٢٠٢٤.');
    expect(indic('نحو 1100 مشروع، و2, 3')).toBe('نحو ١١٠٠ مشروع، و٢, ٣');
  });

  it('writes ٪ after an Arabic-Indic figure, typed or printed from a fact', () => {
    expect(indic('الفاقد ٤٨% من المياه')).toBe('الفاقد ٤٨٪ من المياه');
    expect(indic('نسبة 12% فقط و12.5%')).toBe('نسبة ١٢٪ فقط و١٢٫٥٪');
    expect(indic('نسبة 48 % فقط')).toBe('نسبة ٤٨ % فقط'); // only right after the figure
  });

  it('keeps the digits of Latin tokens: acronyms, codes and models', () => {
    expect(indic('مجموعة G20 وجائحة COVID-19 وطائرات F-16 ومنظومة S-400 وشبكات 5G وأفلام 3D')).toBe('مجموعة G20 وجائحة COVID-19 وطائرات F-16 ومنظومة S-400 وشبكات 5G وأفلام 3D');
    expect(indic('A1: انضمام سوريا، المصدر (D1)')).toBe('A1: انضمام سوريا، المصدر (D1)');
    expect(indic('القرار A/RES/70/1 والملف report_2024.pdf')).toBe('القرار A/RES/70/1 والملف report_2024.pdf');
  });

  it('keeps the digits of a run of Latin text, which Arabic punctuation or an Arabic letter ends', () => {
    expect(indic('وفق معيار ISO 3166 للرموز، منذ 1974')).toBe('وفق معيار ISO 3166 للرموز، منذ ١٩٧٤');
    expect(indic('القرار UNSCR 2254 (2015) الصادر عام 2015')).toBe('القرار UNSCR 2254 (2015) الصادر عام ٢٠١٥');
    expect(indic('صندوق (FFIS) الذي تأسس عام 2015')).toBe('صندوق (FFIS) الذي تأسس عام ٢٠١٥');
    expect(indic('بحسب Reuters، 12 قتيلاً')).toBe('بحسب Reuters، ١٢ قتيلاً');
    expect(indic('بحسب Reuters 12')).toBe('بحسب Reuters 12');
    // a left-to-right or right-to-left mark counts as a letter of its direction
    expect(indic('\u200E12 و\u200F12')).toBe('\u200E12 و\u200F١٢');
  });

  it('says where the digits it keeps are (latinDigits, for the template check): Latin runs and tokens, URLs', () => {
    const text = 'القرار UNSCR 2254 عام 2015 ومجموعة G20 و https://un.org/2254 و2024';
    const kept = latinDigits(text).map(({ start, end }) => text.slice(start, end));
    expect(kept).toEqual(['2254', '20', 'https://un.org/2254']);
    expect(latinDigits('يضم 89 عضواً')).toEqual([]);
  });

  it('leaves English text alone: a source title, with its years', () => {
    for (const title of ['UN Security Council Resolution 2254 (2015)', '2024 Country Reports on Terrorism', 'S04 — CRS report R44135, Aug 24 2016 version', 'Burkina Faso est devenu le 84ème pays']) {
      expect(indic(title)).toBe(title);
    }
    // an Arabic item that cites one: the English part keeps its digits, the Arabic part is the audience's
    expect(indic('R1: UN Report 2024، صدر عام 2024')).toBe('R1: UN Report 2024، صدر عام ٢٠٢٤');
  });

  it('leaves URLs and e-mail addresses as written', () => {
    expect(indic('انظر https://www.un.org/2024/report.pdf أو www.2024.org وراسلوا info2024@un.org أو 2024@un.org')).toBe(
      'انظر https://www.un.org/2024/report.pdf أو www.2024.org وراسلوا info2024@un.org أو 2024@un.org',
    );
  });

  it('writes a text of figures alone (a chart category, a table cell) in the audience’s digits', () => {
    expect(indic('2019')).toBe('٢٠١٩');
    expect(indic('1,100')).toBe('١٬١٠٠');
    expect(indic('12%')).toBe('١٢٪');
  });

  it('leaves what the helpers printed as it is', () => {
    for (const printed of [formatDate('2025-11-03', 'arabic-indic'), formatNumber(1100.5, 'arabic-indic'), formatNumber(-12, 'arabic-indic'), formatPercent(0.125, 'arabic-indic', 1), formatYear(2014, 'arabic-indic')]) {
      expect(indic(printed)).toBe(printed);
    }
  });

  it('changes nothing for western digits, and nothing more the second time', () => {
    const text = fc.stringMatching(/^(?:[0-9٠-٩a-zA-Zسورياعم ،,.%\-/:@()\u200E\u200F]|https:\/\/|www\.)*$/);
    fc.assert(
      fc.property(text, (t) => {
        expect(localizeDigits(t, 'western')).toBe(t);
        const once = indic(t);
        expect(indic(once)).toBe(once);
        // digit for digit: as long as before; a Western digit left is next to a Latin letter's text
        expect(once.length).toBe(t.length);
        if (!/[a-zA-Z\u200E]/.test(t)) expect(once).not.toMatch(/[0-9]/);
      }),
      { numRuns: 2000 },
    );
  });
});
