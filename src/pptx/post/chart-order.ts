/**
 * Schema order of chart groups and series (dml-chart.xsd). pptxgenjs writes,
 * for some chart types, children the schema does not allow or in another
 * order: c:lineChart without its required c:grouping and with c:varyColors
 * first; line and area series with c:invertIfNegative (a bar/bubble-only
 * element); c:marker after c:dLbls in line series; c:dPt after c:dLbls in bar
 * series of combo charts. Each group and series is rebuilt in schema order:
 * children the schema does not allow there are dropped, a missing required
 * child gets its default. A group that is already valid is left byte-for-byte.
 */
import { childElements, mapElements, splitElement } from './xml.js';

const SER_SHARED = ['c:idx', 'c:order', 'c:tx', 'c:spPr'];

const SERIES = {
  line: [...SER_SHARED, 'c:marker', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:smooth', 'c:extLst'],
  scatter: [...SER_SHARED, 'c:marker', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:xVal', 'c:yVal', 'c:smooth', 'c:extLst'],
  radar: [...SER_SHARED, 'c:marker', 'c:dPt', 'c:dLbls', 'c:cat', 'c:val', 'c:extLst'],
  bar: [...SER_SHARED, 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:shape', 'c:extLst'],
  area: [...SER_SHARED, 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:extLst'],
  pie: [...SER_SHARED, 'c:explosion', 'c:dPt', 'c:dLbls', 'c:cat', 'c:val', 'c:extLst'],
  bubble: [...SER_SHARED, 'c:invertIfNegative', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:xVal', 'c:yVal', 'c:bubbleSize', 'c:bubble3D', 'c:extLst'],
  surface: [...SER_SHARED, 'c:cat', 'c:val', 'c:extLst'],
};

interface GroupSchema {
  order: string[];
  series: string[];
  /** Required children and the element written when one is missing. */
  required?: Record<string, string>;
}

const LINE_SHARED = ['c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines'];
const AREA_SHARED = ['c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines'];
const BAR_SHARED = ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls'];
const PIE_SHARED = ['c:varyColors', 'c:ser', 'c:dLbls'];
const STANDARD = { 'c:grouping': '<c:grouping val="standard"/>' };

export const GROUPS: Record<string, GroupSchema> = {
  'c:lineChart': { order: [...LINE_SHARED, 'c:hiLowLines', 'c:upDownBars', 'c:marker', 'c:smooth', 'c:axId', 'c:extLst'], series: SERIES.line, required: STANDARD },
  'c:line3DChart': { order: [...LINE_SHARED, 'c:gapDepth', 'c:axId', 'c:extLst'], series: SERIES.line, required: STANDARD },
  'c:areaChart': { order: [...AREA_SHARED, 'c:axId', 'c:extLst'], series: SERIES.area },
  'c:area3DChart': { order: [...AREA_SHARED, 'c:gapDepth', 'c:axId', 'c:extLst'], series: SERIES.area },
  'c:barChart': { order: [...BAR_SHARED, 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId', 'c:extLst'], series: SERIES.bar },
  'c:bar3DChart': { order: [...BAR_SHARED, 'c:gapWidth', 'c:gapDepth', 'c:shape', 'c:axId', 'c:extLst'], series: SERIES.bar },
  'c:pieChart': { order: [...PIE_SHARED, 'c:firstSliceAng', 'c:extLst'], series: SERIES.pie },
  'c:pie3DChart': { order: [...PIE_SHARED, 'c:extLst'], series: SERIES.pie },
  'c:doughnutChart': { order: [...PIE_SHARED, 'c:firstSliceAng', 'c:holeSize', 'c:extLst'], series: SERIES.pie },
  'c:scatterChart': { order: ['c:scatterStyle', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:axId', 'c:extLst'], series: SERIES.scatter },
  'c:radarChart': { order: ['c:radarStyle', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:axId', 'c:extLst'], series: SERIES.radar },
  'c:bubbleChart': {
    order: ['c:varyColors', 'c:ser', 'c:dLbls', 'c:bubble3D', 'c:bubbleScale', 'c:showNegBubbles', 'c:sizeRepresents', 'c:axId', 'c:extLst'],
    series: SERIES.bubble,
  },
  'c:surfaceChart': { order: ['c:wireframe', 'c:ser', 'c:bandFmts', 'c:axId', 'c:extLst'], series: SERIES.surface },
  'c:surface3DChart': { order: ['c:wireframe', 'c:ser', 'c:bandFmts', 'c:axId', 'c:extLst'], series: SERIES.surface },
};

/**
 * One element (`<name>…</name>`) with its element children in `order`
 * (stable), children not in `order` dropped, missing `required` ones added.
 * Returned unchanged when nothing moves, drops or is added.
 */
export function orderChildren(element: string, order: readonly string[], required: Record<string, string> = {}): string {
  const { start, inner, end } = splitElement(element);
  if (end === '') return element;
  const children = childElements(inner).filter((c) => c.name !== '#text' || c.text.trim() !== '');
  const kept = children.filter((c) => order.includes(c.name));
  for (const [name, xml] of Object.entries(required)) {
    if (!kept.some((c) => c.name === name)) kept.push({ name, text: xml });
  }
  const sorted = kept
    .map((child, i) => ({ child, i }))
    .sort((a, b) => order.indexOf(a.child.name) - order.indexOf(b.child.name) || a.i - b.i)
    .map(({ child }) => child);
  const unchanged = sorted.length === children.length && sorted.every((c, i) => c === children[i]);
  return unchanged ? element : `${start}${sorted.map((c) => c.text).join('')}${end}`;
}

/** One chart group (c:barChart, c:lineChart, …) and its series in schema order. */
export function orderChartGroup(group: string, schema: GroupSchema): string {
  const withSeries = mapElements(group, 'c:ser', (ser) => orderChildren(ser, schema.series));
  return orderChildren(withSeries, schema.order, schema.required);
}

/** Every chart group of a chart part, and its series, in schema order. */
export function orderChartGroups(xml: string): string {
  return Object.entries(GROUPS).reduce((acc, [name, schema]) => mapElements(acc, name, (g) => orderChartGroup(g, schema)), xml);
}
