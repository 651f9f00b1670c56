import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countNoun, formatDate, formatNumber, formatPercent, formatYear, toDigits } from '../../src/format/arabic.js';

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
