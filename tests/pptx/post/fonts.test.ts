import { describe, expect, it } from 'vitest';
import { completeFontSlots, completeFontTriples, stripCharsetHints } from '../../../src/pptx/post/fonts.js';

describe('stripCharsetHints', () => {
  it('drops charset on a:ea and a:cs, keeps it on a:latin', () => {
    const rPr =
      '<a:rPr><a:latin typeface="Amiri" pitchFamily="34" charset="0"/><a:ea typeface="Amiri" pitchFamily="34" charset="-122"/><a:cs typeface="Amiri" pitchFamily="34" charset="-120"/></a:rPr>';
    expect(stripCharsetHints(rPr)).toBe(
      '<a:rPr><a:latin typeface="Amiri" pitchFamily="34" charset="0"/><a:ea typeface="Amiri" pitchFamily="34"/><a:cs typeface="Amiri" pitchFamily="34"/></a:rPr>',
    );
  });
});

describe('completeFontSlots', () => {
  it('adds a:ea and a:cs after a:latin (chart title run)', () => {
    const rPr = '<a:rPr sz="1800"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="Amiri"/></a:rPr>';
    expect(completeFontSlots(rPr)).toBe(
      '<a:rPr sz="1800"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="Amiri"/><a:ea typeface="Amiri"/><a:cs typeface="Amiri"/></a:rPr>',
    );
  });

  it('inserts a:ea between a:latin and an existing a:cs (chart legend)', () => {
    expect(completeFontSlots('<a:defRPr><a:latin typeface="Amiri"/><a:cs    typeface="Amiri"/>      </a:defRPr>')).toBe(
      '<a:defRPr><a:latin typeface="Amiri"/><a:ea typeface="Amiri"/><a:cs    typeface="Amiri"/>      </a:defRPr>',
    );
  });

  it('replaces an empty slot and maps theme references', () => {
    expect(completeFontSlots('<a:defRPr><a:latin typeface="+mn-lt"/><a:ea typeface=""/></a:defRPr>')).toBe(
      '<a:defRPr><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr>',
    );
  });

  it('leaves properties without a:latin alone', () => {
    expect(completeFontSlots('<a:rPr lang="ar-SA"/>')).toBe('<a:rPr lang="ar-SA"/>');
    expect(completeFontSlots('<a:rPr><a:solidFill/></a:rPr>')).toBe('<a:rPr><a:solidFill/></a:rPr>');
  });

  it('works on every run properties element of a part', () => {
    const xml = '<a:pPr><a:defRPr><a:latin typeface="A"/></a:defRPr></a:pPr><a:r><a:rPr><a:latin typeface="B"/></a:rPr></a:r>';
    const out = completeFontTriples(xml);
    expect(out).toContain('<a:latin typeface="A"/><a:ea typeface="A"/><a:cs typeface="A"/>');
    expect(out).toContain('<a:latin typeface="B"/><a:ea typeface="B"/><a:cs typeface="B"/>');
  });
});
