import { describe, expect, it } from 'vitest';
import { describeTables, markTableHeaderRows } from '../../../src/pptx/post/tables.js';

describe('markTableHeaderRows', () => {
  it('marks the first row of every table as its header row', () => {
    const table = '<a:tbl><a:tblPr/><a:tblGrid><a:gridCol w="1"/></a:tblGrid></a:tbl>';
    expect(markTableHeaderRows(`${table}${table}`)).toBe(`${table}${table}`.replaceAll('<a:tblPr/>', '<a:tblPr firstRow="1"/>'));
  });

  it('leaves a part without tables as it is', () => {
    const xml = '<p:sp><p:txBody><a:p><a:r><a:t>tblPr</a:t></a:r></a:p></p:txBody></p:sp>';
    expect(markTableHeaderRows(xml)).toBe(xml);
  });
});

describe('describeTables', () => {
  const cell = (text: string) => `<a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="ar-SA"/><a:t>${text}</a:t></a:r></a:p></a:txBody><a:tcPr/></a:tc>`;
  const frame = (cNvPr: string) =>
    `<p:graphicFrame><p:nvGraphicFramePr>${cNvPr}<p:cNvGraphicFramePr/></p:nvGraphicFramePr><a:graphic><a:graphicData><a:tbl><a:tblPr/><a:tr h="0">${cell('الموقف')}${cell('&quot;ب&quot; &amp; ج')}${cell('الطرف')}</a:tr><a:tr h="0">${cell('1')}${cell('2')}${cell('3')}</a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;

  it("gives a table's frame its column headings, right to left in a right-to-left deck (its columns stored reversed)", () => {
    expect(describeTables(frame('<p:cNvPr id="13" name="Table 0"/>'), true)).toContain('<p:cNvPr id="13" name="Table 0" descr="جدول بأعمدة: الطرف، &quot;ب&quot; &amp; ج، الموقف"/>');
    expect(describeTables(frame('<p:cNvPr id="13" name="Table 0">'), false)).toContain('<p:cNvPr id="13" name="Table 0" descr="Table with the columns الموقف, &quot;ب&quot; &amp; ج, الطرف">');
  });

  it('joins the runs of a heading as they are, and its lines with a space', () => {
    const twoLines = '<a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>ما </a:t></a:r><a:r><a:t>يكسبه</a:t></a:r></a:p><a:p><a:r><a:t>بحسب المقال</a:t></a:r></a:p></a:txBody><a:tcPr/></a:tc>';
    const xml = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="3" name="Table 1"/></p:nvGraphicFramePr><a:graphic><a:graphicData><a:tbl><a:tblPr/><a:tr h="0">${twoLines}${cell('الطرف')}</a:tr></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
    expect(describeTables(xml, true)).toContain('descr="جدول بأعمدة: الطرف، ما يكسبه بحسب المقال"');
  });

  it('keeps a description the frame has, and leaves other parts alone', () => {
    const described = frame('<p:cNvPr id="13" name="Table 0" descr="مواقف الأطراف"/>');
    expect(describeTables(described, true)).toBe(described);
    const text = '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Text 1"/></p:nvSpPr></p:sp>';
    expect(describeTables(text, true)).toBe(text);
  });
});
