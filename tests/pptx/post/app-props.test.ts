import { describe, expect, it } from 'vitest';
import { setExtendedProperties } from '../../../src/pptx/post/app-props.js';

const PPTXGENJS = `<Properties><HeadingPairs><vt:vector size="6" baseType="variant"><vt:variant><vt:lpstr>Fonts Used</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>Theme</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs>
<TitlesOfParts><vt:vector size="5" baseType="lpstr"><vt:lpstr>Arial</vt:lpstr><vt:lpstr>Calibri</vt:lpstr><vt:lpstr>Office Theme</vt:lpstr><vt:lpstr>Slide 1</vt:lpstr><vt:lpstr>Slide 2</vt:lpstr></vt:vector></TitlesOfParts><Company></Company></Properties>`;

describe('setExtendedProperties', () => {
  it('lists each font once, the theme, and the titles escaped, with counts and sizes that agree', () => {
    const xml = setExtendedProperties(PPTXGENJS, { fonts: ['Amiri', 'Amiri', 'Noto Naskh Arabic', 'Amiri'], titles: ['سوريا & التحالف', 'الأرقام <٢٠٢٥>', 'المصادر'] });
    expect(xml).toContain('<vt:variant><vt:lpstr>Fonts Used</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>');
    expect(xml).toContain('<vt:variant><vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant>');
    expect(xml).toContain(
      '<TitlesOfParts><vt:vector size="6" baseType="lpstr"><vt:lpstr>Amiri</vt:lpstr><vt:lpstr>Noto Naskh Arabic</vt:lpstr><vt:lpstr>Office Theme</vt:lpstr><vt:lpstr>سوريا &amp; التحالف</vt:lpstr><vt:lpstr>الأرقام &lt;٢٠٢٥&gt;</vt:lpstr><vt:lpstr>المصادر</vt:lpstr></vt:vector></TitlesOfParts>',
    );
    expect(xml).toContain('<Company></Company>');
  });

  it('leaves a part without both elements as it is (half-rewritten, its counts would disagree)', () => {
    expect(setExtendedProperties('<Properties/>', { fonts: ['Amiri'], titles: ['x'] })).toBe('<Properties/>');
    const headingsOnly = PPTXGENJS.replace(/<TitlesOfParts>[\s\S]*<\/TitlesOfParts>/, '');
    expect(setExtendedProperties(headingsOnly, { fonts: ['Amiri'], titles: ['x'] })).toBe(headingsOnly);
    const titlesOnly = PPTXGENJS.replace(/<HeadingPairs>[\s\S]*<\/HeadingPairs>/, '');
    expect(setExtendedProperties(titlesOnly, { fonts: ['Amiri'], titles: ['x'] })).toBe(titlesOnly);
  });
});
