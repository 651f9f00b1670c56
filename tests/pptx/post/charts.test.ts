import { describe, expect, it } from 'vitest';
import {
  PDF,
  RLE,
  dropUndefinedAxes,
  dropUndefinedAxisIds,
  embedRtl,
  embedSeriesName,
  embedSeriesNames,
  embedTitles,
  setChartLang,
} from '../../../src/pptx/post/charts.js';

const SPACE_OPEN = '<c:chartSpace xmlns:c="urn:c" xmlns:a="urn:a">';

describe('setChartLang', () => {
  it('inserts c:lang right after c:date1904 (its schema position)', () => {
    expect(setChartLang(`${SPACE_OPEN}<c:date1904 val="0"/><c:roundedCorners val="1"/></c:chartSpace>`, 'ar-SA')).toBe(
      `${SPACE_OPEN}<c:date1904 val="0"/><c:lang val="ar-SA"/><c:roundedCorners val="1"/></c:chartSpace>`,
    );
  });

  it('inserts c:lang first when there is no c:date1904', () => {
    expect(setChartLang(`${SPACE_OPEN}<c:chart/></c:chartSpace>`, 'ar-SA')).toBe(`${SPACE_OPEN}<c:lang val="ar-SA"/><c:chart/></c:chartSpace>`);
  });

  it('updates an existing c:lang instead of adding a second one', () => {
    expect(setChartLang(`${SPACE_OPEN}<c:date1904 val="0"/><c:lang val="en-US"/></c:chartSpace>`, 'ar-SA')).toBe(
      `${SPACE_OPEN}<c:date1904 val="0"/><c:lang val="ar-SA"/></c:chartSpace>`,
    );
  });
});

describe('embedRtl', () => {
  it('wraps text in RLE…PDF once', () => {
    expect(embedRtl('عنوان')).toBe(`${RLE}عنوان${PDF}`);
    expect(embedRtl(embedRtl('عنوان'))).toBe(`${RLE}عنوان${PDF}`);
    expect(embedRtl('')).toBe('');
  });
});

describe('embedTitles', () => {
  it('wraps the a:t of chart and axis titles, not other text', () => {
    const xml =
      '<c:title><c:tx><c:rich><a:p><a:r><a:t>الأعضاء</a:t></a:r></a:p></c:rich></c:tx></c:title>' +
      '<c:txPr><a:p><a:r><a:t>legend</a:t></a:r></a:p></c:txPr>' +
      '<c:valAx><c:title><c:tx><c:rich><a:p><a:r><a:t>العدد</a:t></a:r></a:p></c:rich></c:tx></c:title></c:valAx>';
    const out = embedTitles(xml);
    expect(out).toContain(`<a:t>${RLE}الأعضاء${PDF}</a:t>`);
    expect(out).toContain(`<a:t>${RLE}العدد${PDF}</a:t>`);
    expect(out).toContain('<a:t>legend</a:t>');
  });
});

describe('embedSeriesName', () => {
  const SER =
    '<c:ser>  <c:idx val="0"/><c:order val="0"/>  <c:tx>    <c:strRef>      <c:f>Sheet1!$B$1</c:f>      <c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>عدد الأعضاء</c:v></c:pt></c:strCache>    </c:strRef>  </c:tx>' +
    '<c:dLbls><c:dLbl><c:idx val="0"/><c:tx><c:rich><a:p><a:r><a:t>custom</a:t></a:r></a:p></c:rich></c:tx></c:dLbl></c:dLbls>' +
    '<c:cat><c:strRef><c:strCache><c:pt idx="0"><c:v>أوروبا</c:v></c:pt></c:strCache></c:strRef></c:cat>' +
    '<c:val><c:numRef><c:numCache><c:pt idx="0"><c:v>30</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>';

  it('wraps the series name (its own c:tx) only', () => {
    const out = embedSeriesName(SER);
    expect(out).toContain(`<c:v>${RLE}عدد الأعضاء${PDF}</c:v>`);
  });

  it('does not change categories, numbers or data-label text', () => {
    const out = embedSeriesNames(`<c:barChart>${SER}</c:barChart>`);
    expect(out).toContain('<c:v>أوروبا</c:v>');
    expect(out).toContain('<c:v>30</c:v>');
    expect(out).toContain('<a:t>custom</a:t>');
  });

  it('wraps a literal series name (c:tx/c:v)', () => {
    expect(embedSeriesName('<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>اسم</c:v></c:tx></c:ser>')).toContain(`<c:v>${RLE}اسم${PDF}</c:v>`);
  });
});

describe('dropUndefinedAxisIds', () => {
  const PLOT =
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:axId val="2094734554"/><c:axId val="2094734552"/><c:axId val="2094734556"/></c:barChart>' +
    '<c:catAx>  <c:axId val="2094734554"/><c:crossAx val="2094734552"/></c:catAx><c:valAx><c:axId val="2094734552"/><c:crossAx val="2094734554"/></c:valAx></c:plotArea>';

  it('drops the third axis id pptxgenjs writes in 2-D bar charts', () => {
    const out = dropUndefinedAxisIds(PLOT);
    expect(out).toContain('<c:axId val="2094734554"/><c:axId val="2094734552"/></c:barChart>');
    expect(out).not.toContain('2094734556');
  });

  it('keeps axis ids that an axis defines, and 0 (no axis)', () => {
    const plot = '<c:plotArea><c:bar3DChart><c:axId val="1"/><c:axId val="2"/><c:axId val="0"/></c:bar3DChart><c:catAx><c:axId val="1"/></c:catAx><c:valAx><c:axId val="2"/></c:valAx></c:plotArea>';
    expect(dropUndefinedAxisIds(plot)).toBe(plot);
  });

  it('leaves charts without axes (doughnut) alone', () => {
    const xml = '<c:chart><c:plotArea><c:doughnutChart><c:holeSize val="50"/></c:doughnutChart></c:plotArea></c:chart>';
    expect(dropUndefinedAxes(xml)).toBe(xml);
  });
});
