import { describe, expect, it } from 'vitest';
import { setFontCollection, setThemeFonts } from '../../../src/pptx/post/theme.js';

// The shape of pptxgenjs 4.0.1's font scheme (shortened).
const SCHEME =
  '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Amiri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="x"/><a:font script="Arab" typeface="Times New Roman"/><a:font script="Hebr" typeface="Times New Roman"/></a:majorFont>' +
  '<a:minorFont><a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Arab" typeface="Arial"/></a:minorFont></a:fontScheme>';

describe('setThemeFonts', () => {
  const out = setThemeFonts(SCHEME, { major: { latin: 'Dubai', cs: 'Amiri' }, minor: { latin: 'Segoe UI', cs: 'Noto Naskh Arabic' } });
  const major = /<a:majorFont>.*<\/a:majorFont>/.exec(out)?.[0] ?? '';
  const minor = /<a:minorFont>.*<\/a:minorFont>/.exec(out)?.[0] ?? '';

  it('sets latin and cs of the major (heading) font', () => {
    expect(major).toContain('<a:latin typeface="Dubai"/><a:ea typeface=""/><a:cs typeface="Amiri"/>');
    expect(major).toContain('<a:font script="Arab" typeface="Amiri"/>');
  });

  it('sets latin and cs of the minor (body) font, dropping the stale panose', () => {
    expect(minor).toContain('<a:latin typeface="Segoe UI"/><a:ea typeface=""/><a:cs typeface="Noto Naskh Arabic"/>');
    expect(minor).toContain('<a:font script="Arab" typeface="Noto Naskh Arabic"/>');
    expect(minor).not.toContain('panose');
  });

  it('leaves the other scripts alone', () => {
    expect(major).toContain('<a:font script="Hebr" typeface="Times New Roman"/>');
    expect(major).toContain('<a:font script="Jpan" typeface="x"/>');
  });
});

describe('setFontCollection', () => {
  it('adds the Arab script entry after a:cs when it is missing', () => {
    expect(setFontCollection('<a:minorFont><a:latin typeface="a"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>', { latin: 'L', cs: 'C & D' })).toBe(
      '<a:minorFont><a:latin typeface="L"/><a:ea typeface=""/><a:cs typeface="C &amp; D"/><a:font script="Arab" typeface="C &amp; D"/></a:minorFont>',
    );
  });
});
