import { describe, expect, it } from 'vitest';
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
