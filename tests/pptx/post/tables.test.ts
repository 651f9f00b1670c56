import { describe, expect, it } from 'vitest';
import { markTableHeaderRows } from '../../../src/pptx/post/tables.js';

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
