import { describe, expect, it } from 'vitest';
import { markDecorativeShapes } from '../../../src/pptx/post/decorative.js';

const DECORATIVE = '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>';
const shape = (cNvPr: string, body = '') => `<p:sp><p:nvSpPr>${cNvPr}<p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr><p:spPr/>${body}</p:sp>`;

describe('markDecorativeShapes', () => {
  it('marks a shape with no text decorative, in its non-visual properties (empty or self-closed)', () => {
    for (const cNvPr of ['<p:cNvPr id="3" name="Shape 1"></p:cNvPr>', '<p:cNvPr id="3" name="Shape 1"/>']) {
      const out = markDecorativeShapes(shape(cNvPr));
      expect(out).toContain(`<p:cNvPr id="3" name="Shape 1"><a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">${DECORATIVE}</a:ext></a:extLst></p:cNvPr><p:cNvSpPr/>`);
    }
  });

  it('leaves shapes with text, placeholders and shapes that already say something alone', () => {
    const text = shape('<p:cNvPr id="2" name="Text 1"></p:cNvPr>', '<p:txBody><a:p><a:r><a:t>90</a:t></a:r></a:p></p:txBody>');
    const placeholder = shape('<p:cNvPr id="4" name="Title"/>').replace('<p:nvPr></p:nvPr>', '<p:nvPr><p:ph type="title"/></p:nvPr>');
    const described = shape('<p:cNvPr id="5" name="Map"><a:hlinkClick r:id="rId1"/></p:cNvPr>');
    const alt = shape('<p:cNvPr id="6" name="Arrow" descr="سهم نحو الشمال"/>');
    const xml = `${text}${placeholder}${described}${alt}<p:graphicFrame/>`;
    expect(markDecorativeShapes(xml)).toBe(xml);
  });
});
