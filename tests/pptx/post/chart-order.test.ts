import { describe, expect, it } from 'vitest';
import { GROUPS, orderChartGroup, orderChartGroups, orderChildren } from '../../../src/pptx/post/chart-order.js';

// Shapes of pptxgenjs 4.0.1 chart groups (series content shortened).
const LINE =
  '<c:lineChart><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>س</c:v></c:tx><c:spPr/><c:invertIfNegative val="0"/><c:dLbls><c:delete val="1"/></c:dLbls><c:marker><c:symbol val="circle"/></c:marker><c:cat/><c:val/><c:smooth val="0"/></c:ser><c:dLbls><c:delete val="1"/></c:dLbls><c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>';

describe('orderChartGroup', () => {
  it('adds the required c:grouping of a line chart, drops c:invertIfNegative, puts c:marker before c:dLbls', () => {
    expect(orderChartGroups(LINE)).toBe(
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>س</c:v></c:tx><c:spPr/><c:marker><c:symbol val="circle"/></c:marker><c:dLbls><c:delete val="1"/></c:dLbls><c:cat/><c:val/><c:smooth val="0"/></c:ser><c:dLbls><c:delete val="1"/></c:dLbls><c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>',
    );
  });

  it('drops c:invertIfNegative from area series', () => {
    const area = '<c:areaChart><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:spPr/><c:invertIfNegative val="0"/><c:cat/><c:val/></c:ser><c:axId val="1"/><c:axId val="2"/></c:areaChart>';
    expect(orderChartGroup(area, GROUPS['c:areaChart'] as never)).not.toContain('invertIfNegative');
  });

  it('moves c:dPt before c:dLbls in bar series (combo charts)', () => {
    const bar = '<c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:order val="0"/><c:invertIfNegative val="0"/><c:dLbls/><c:dPt><c:idx val="0"/></c:dPt><c:cat/><c:val/></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>';
    expect(orderChartGroups(bar)).toContain('<c:invertIfNegative val="0"/><c:dPt><c:idx val="0"/></c:dPt><c:dLbls/><c:cat/>');
  });

  it('leaves a valid group byte-for-byte, whitespace included', () => {
    const doughnut = '<c:doughnutChart>  <c:varyColors val="1"/><c:ser>  <c:idx val="0"/>  <c:order val="0"/>  <c:val/>  </c:ser>  <c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>';
    expect(orderChartGroups(doughnut)).toBe(doughnut);
  });
});

describe('orderChildren', () => {
  it('sorts stably, keeping repeated children in their order', () => {
    expect(orderChildren('<x><b i="1"/><a/><b i="2"/></x>', ['a', 'b'])).toBe('<x><a/><b i="1"/><b i="2"/></x>');
  });
});
