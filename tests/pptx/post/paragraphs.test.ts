import { describe, expect, it } from 'vitest';
import { anchorEntryId } from '../../../src/pptx/rtl.js';
import {
  anchorArabicPunctuation,
  keepFirstParagraphProps,
  makeParagraphRtl,
  rtlLevelStyles,
  rtlParagraphs,
  rtlPropsTag,
  setTextLang,
  singleParagraphProps,
  tagLatinRuns,
} from '../../../src/pptx/post/paragraphs.js';

const RUN = (t: string) => `<a:r><a:rPr lang="ar-SA"/><a:t>${t}</a:t></a:r>`;

describe('keepFirstParagraphProps (#1081)', () => {
  it('keeps only the first a:pPr of a multi-run paragraph', () => {
    const p = `<a:p><a:pPr rtl="1" algn="r"><a:buNone/></a:pPr>${RUN('a')}<a:pPr rtl="1" algn="r"><a:buNone/></a:pPr>${RUN('FFIS')}<a:pPr algn="l"/>${RUN('b')}<a:endParaRPr lang="ar-SA"/></a:p>`;
    expect(keepFirstParagraphProps(p)).toBe(
      `<a:p><a:pPr rtl="1" algn="r"><a:buNone/></a:pPr>${RUN('a')}${RUN('FFIS')}${RUN('b')}<a:endParaRPr lang="ar-SA"/></a:p>`,
    );
  });

  it('moves a lone a:pPr before the runs', () => {
    expect(keepFirstParagraphProps(`<a:p>${RUN('a')}<a:pPr algn="r"/></a:p>`)).toBe(`<a:p><a:pPr algn="r"/>${RUN('a')}</a:p>`);
  });

  it('leaves a correct paragraph untouched', () => {
    const p = `<a:p><a:pPr algn="r"/>${RUN('a')}</a:p>`;
    expect(keepFirstParagraphProps(p)).toBe(p);
  });

  it('works paragraph by paragraph over a part', () => {
    const xml = `<p:txBody><a:p><a:pPr/>${RUN('1')}<a:pPr/>${RUN('2')}</a:p><a:p><a:pPr algn="ctr"/>${RUN('3')}</a:p></p:txBody>`;
    expect(singleParagraphProps(xml)).toBe(`<p:txBody><a:p><a:pPr/>${RUN('1')}${RUN('2')}</a:p><a:p><a:pPr algn="ctr"/>${RUN('3')}</a:p></p:txBody>`);
  });
});

describe('rtlPropsTag', () => {
  it('right-aligns absent or left alignment', () => {
    expect(rtlPropsTag('<a:pPr/>')).toBe('<a:pPr algn="r" rtl="1"/>');
    expect(rtlPropsTag('<a:pPr algn="l" rtl="0">')).toBe('<a:pPr algn="r" rtl="1">');
  });

  it('keeps an explicit centred (or justified) alignment', () => {
    expect(rtlPropsTag('<a:lvl1pPr algn="ctr" rtl="0">')).toBe('<a:lvl1pPr algn="ctr" rtl="1">');
    expect(rtlPropsTag('<a:pPr algn="just"/>')).toBe('<a:pPr algn="just" rtl="1"/>');
  });
});

describe('makeParagraphRtl', () => {
  it('adds a:pPr to a paragraph without one (notes, pptxgenjs)', () => {
    expect(makeParagraphRtl(`<a:p>${RUN('x')}</a:p>`)).toBe(`<a:p><a:pPr algn="r" rtl="1"/>${RUN('x')}</a:p>`);
  });

  it('gives an empty self-closing paragraph a body', () => {
    expect(makeParagraphRtl('<a:p/>')).toBe('<a:p><a:pPr algn="r" rtl="1"/></a:p>');
  });

  it('sets rtl on the existing a:pPr and keeps its children', () => {
    expect(makeParagraphRtl(`<a:p><a:pPr marL="0"><a:buNone/></a:pPr>${RUN('x')}</a:p>`)).toBe(
      `<a:p><a:pPr marL="0" algn="r" rtl="1"><a:buNone/></a:pPr>${RUN('x')}</a:p>`,
    );
  });

  it('handles the slide-number paragraph (a:fld)', () => {
    const p = '<a:p><a:pPr algn="r"/><a:fld id="{X}" type="slidenum"><a:rPr b="0" lang="en-US"/><a:t>1</a:t></a:fld><a:endParaRPr lang="en-US"/></a:p>';
    expect(makeParagraphRtl(p)).toContain('<a:pPr algn="r" rtl="1"/>');
  });
});

describe('rtlLevelStyles / rtlParagraphs', () => {
  it('makes every list level and defPPr right-to-left, keeping centred titles', () => {
    const xml =
      '<p:titleStyle><a:lvl1pPr algn="ctr" rtl="0"/></p:titleStyle><p:bodyStyle><a:lvl1pPr marL="342900" algn="l" rtl="0"/><a:lvl9pPr algn="l" rtl="0"/></p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr></p:otherStyle>';
    const out = rtlLevelStyles(xml);
    expect(out).toContain('<a:lvl1pPr algn="ctr" rtl="1"/>');
    expect(out).toContain('<a:lvl1pPr marL="342900" algn="r" rtl="1"/>');
    expect(out).toContain('<a:lvl9pPr algn="r" rtl="1"/>');
    expect(out).toContain('<a:defPPr algn="r" rtl="1">');
    expect(out).not.toContain('rtl="0"');
  });

  it('finds a defPPr that is the only level style of a part', () => {
    expect(rtlLevelStyles('<a:lstStyle><a:defPPr/></a:lstStyle>')).toBe('<a:lstStyle><a:defPPr algn="r" rtl="1"/></a:lstStyle>');
  });

  it('covers paragraphs and level styles of a part', () => {
    const xml = `<a:lstStyle><a:lvl1pPr/></a:lstStyle><a:p>${RUN('x')}</a:p>`;
    expect(rtlParagraphs(xml)).toBe(`<a:lstStyle><a:lvl1pPr algn="r" rtl="1"/></a:lstStyle><a:p><a:pPr algn="r" rtl="1"/>${RUN('x')}</a:p>`);
  });
});

describe('setTextLang', () => {
  it('sets lang on runs, end-of-paragraph and default run properties, not on other elements', () => {
    const xml =
      '<a:p><a:pPr><a:defRPr sz="1200"/></a:pPr><a:r><a:rPr lang="en-US" altLang="en-US"/><a:t>x</a:t></a:r><a:endParaRPr/></a:p><c:lang val="en-US"/>';
    expect(setTextLang(xml, 'ar-SA')).toBe(
      '<a:p><a:pPr><a:defRPr sz="1200" lang="ar-SA"/></a:pPr><a:r><a:rPr lang="ar-SA" altLang="en-US"/><a:t>x</a:t></a:r><a:endParaRPr lang="ar-SA"/></a:p><c:lang val="en-US"/>',
    );
  });
});

describe('tagLatinRuns', () => {
  const LRM = '\u200E';
  const run = (t: string) => `<a:r><a:rPr lang="ar-SA" sz="1400"><a:latin typeface="Amiri"/></a:rPr><a:t>${t}</a:t></a:r>`;
  const tagged = (t: string) => `<a:r><a:rPr lang="en-US" sz="1400" noProof="1"><a:latin typeface="Amiri"/></a:rPr><a:t>${t}</a:t></a:r>`;

  it('tags the runs of a paragraph marked as Latin text with its language, out of proofing', () => {
    const english = `<a:p><a:pPr rtl="1"/>${run(`${LRM}S01 — SBS News: `)}${run(`Which countries have joined${LRM}`)}<a:endParaRPr lang="ar-SA"/></a:p>`;
    const arabic = `<a:p>${run('المصادر')}</a:p>`;
    expect(tagLatinRuns(`${arabic}${english}`, 'en-US')).toBe(
      `${arabic}<a:p><a:pPr rtl="1"/>${tagged(`${LRM}S01 — SBS News: `)}${tagged(`Which countries have joined${LRM}`)}<a:endParaRPr lang="ar-SA"/></a:p>`,
    );
  });

  it('leaves other paragraphs alone, whatever their letters: Latin runs in Arabic text, or Arabic text that begins with the mark', () => {
    const xml = `<a:p>${run(`${LRM}S02`)}</a:p><a:p>${run('صندوق ')}${run('FFIS')}</a:p><a:p>${run(`${LRM}2025: انضمت سوريا`)}</a:p><a:p>${run('NATO')}</a:p>`;
    expect(tagLatinRuns(xml, 'en-US')).toBe(xml.replace(run(`${LRM}S02`), tagged(`${LRM}S02`)));
    const withoutMark = `<a:p>${run('NATO')}</a:p>`;
    expect(tagLatinRuns(withoutMark, 'en-US')).toBe(withoutMark);
  });
});

describe('anchorArabicPunctuation', () => {
  const RLM = '\u200F';
  it('puts a right-to-left mark before Arabic punctuation that follows Latin text, and nowhere else', () => {
    const xml = '<a:p><a:r><a:t>لممر IMEC، 20 أيلول؛ و(FFIS)، ثم عام 2024، وNATO ؟</a:t></a:r><a:r><a:t>Reuters, 12</a:t></a:r></a:p>';
    expect(anchorArabicPunctuation(xml)).toBe(`<a:p><a:r><a:t>لممر IMEC${RLM}، 20 أيلول؛ و(FFIS)${RLM}، ثم عام 2024، وNATO ${RLM}؟</a:t></a:r><a:r><a:t>Reuters, 12</a:t></a:r></a:p>`);
    expect(anchorArabicPunctuation(anchorArabicPunctuation(xml))).not.toContain(`${RLM}${RLM}`);
  });

  it('finds the Latin letter behind quotes, brackets, digits and entities', () => {
    const t = (text: string) => anchorArabicPunctuation(`<a:t>${text}</a:t>`).slice(5, -6);
    expect(t('ممر «IMEC»، 20 أيلول')).toBe(`ممر «IMEC»${RLM}، 20 أيلول`);
    expect(t('ممر &quot;IMEC&quot;، 20')).toBe(`ممر &quot;IMEC&quot;${RLM}، 20`);
    expect(t('قمة G20، وفي U.S.؛ ثم COVID-19، ثم')).toBe(`قمة G20${RLM}، وفي U.S.${RLM}؛ ثم COVID-19${RLM}، ثم`);
    expect(t('في &quot;النص&quot;، 20')).toBe('في &quot;النص&quot;، 20'); // an entity's letters are no Latin text
  });
});

describe('anchorEntryId', () => {
  it('keeps the id of a mixed entry whose title starts in Latin apart from the title; Arabic and all-Latin entries are left alone', () => {
    expect(anchorEntryId('W1: EU trade relations، حزيران/يونيو 2025')).toBe('W1:\u200F EU trade relations، حزيران/يونيو 2025');
    expect(anchorEntryId('A1: انضمام سوريا، 3 تشرين الثاني 2025')).toBe('A1: انضمام سوريا، 3 تشرين الثاني 2025');
    expect(anchorEntryId('S05 — Reuters: Syria joins')).toBe('S05 — Reuters: Syria joins');
    expect(anchorEntryId('W5: "Country Reports on Terrorism 2023"، 12 كانون الأول 2024')).toBe('W5:\u200F "Country Reports on Terrorism 2023"، 12 كانون الأول 2024');
    expect(anchorEntryId('W6: 2024 Country Reports، 12 كانون الأول 2024')).toBe('W6:\u200F 2024 Country Reports، 12 كانون الأول 2024');
  });
});
