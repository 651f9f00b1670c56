import { describe, expect, it } from 'vitest';
import { clip, hasArabic, logicalWord, textKey, wordKey } from './text.js';

describe('logicalWord (pdftotext gives right-to-left words in visual order)', () => {
  it('reverses an Arabic word', () => {
    expect(logicalWord('باهرإلا')).toBe('الإرهاب');
    expect(logicalWord('؟ينعي')).toBe('يعني؟');
  });

  it('keeps digits and Latin runs inside an Arabic word in their own order', () => {
    expect(logicalWord('2025ماع')).toBe('عام2025');
    expect(logicalWord('ISISلا')).toBe('الISIS');
  });

  it('leaves words without Arabic alone', () => {
    expect(logicalWord('1,100')).toBe('1,100');
    expect(logicalWord('Coalition')).toBe('Coalition');
  });
});

describe('textKey', () => {
  it('keeps letters and digits only', () => {
    expect(textKey('المصدر: انضمام سوريا.. (2025-11-03)')).toBe('المصدرانضمامسوريا20251103');
  });

  it('drops diacritics, tatweel and bidi controls', () => {
    expect(textKey('حلّ عضواً موّل')).toBe('حلعضوامول');
    expect(textKey('عـــدد')).toBe('عدد');
    expect(textKey('\u202Bعدد الأعضاء\u202C\u200E')).toBe('عددالأعضاء');
  });

  it('folds presentation forms', () => {
    expect(textKey('\uFEFB')).toBe('لا');
  });

  it('matches a split PDF word against the text it comes from', () => {
    // "سوريا" drawn as "روس" + "اي": both pieces are in the shape's key.
    const key = textKey('انضمام سوريا للتحالف');
    expect(['روس', 'اي'].map(wordKey).every((k) => key.includes(k))).toBe(true);
  });
});

describe('helpers', () => {
  it('hasArabic', () => {
    expect(hasArabic('D1: عدد')).toBe(true);
    expect(hasArabic('D1: count (2025)')).toBe(false);
  });

  it('clip', () => {
    expect(clip('a  b\nc')).toBe('a b c');
    expect(clip('abcdefgh', 5)).toBe('abcd…');
  });
});
