import type { ChartName, ChartOptions, PptxSlide } from '../types.js';
import type { Chart, Slide } from '../../spec/schema.js';
import { BODY, type PlacedText } from '../layout.js';
import { rtlChartAxes } from '../rtl.js';
import { addBullets, addNote, addTitle, bodyBox, bulletsText, noteText, titleText, type Box, type RenderContext } from './common.js';

type ChartSlide = Extract<Slide, { kind: 'chart' }>;

const TYPES = {
  bar: 'bar',
  column: 'bar',
  'stacked-column': 'bar',
  pie: 'pie',
  doughnut: 'doughnut',
  line: 'line',
} as const;

/** Colours for every point or series, so pptxgenjs never picks a random one. */
export function chartColors(chart: Chart, palette: readonly string[], highlight: string, primary: string): string[] {
  const perPoint = chart.type === 'pie' || chart.type === 'doughnut' || (chart.series.length === 1 && chart.highlightLast);
  const count = perPoint ? chart.categories.length : chart.series.length;
  // One series is drawn in the audience's primary colour; several take the palette in turn.
  const single = chart.series.length === 1 && chart.type !== 'pie' && chart.type !== 'doughnut';
  const base = chart.colors ?? (single ? [primary] : palette);
  const colors = Array.from({ length: count }, (_, i) => base[i % base.length]!);
  if (chart.series.length === 1 && chart.highlightLast && chart.type !== 'pie' && chart.type !== 'doughnut') {
    colors.fill(base[0]!);
    colors[count - 1] = highlight;
  }
  return colors;
}

/** The decimals a chart's values are written with (at most 2): 97.5 keeps its .5 on its label. */
export function chartDecimals(chart: Chart): number {
  let most = 0;
  for (const series of chart.series) {
    for (const value of series.values) {
      const decimals = /\.(\d+)$/.exec(String(value))?.[1]?.length ?? 0;
      most = Math.max(most, Math.min(decimals, 2));
    }
  }
  return most;
}

export function chartOptions(chart: Chart, ctx: RenderContext): Record<string, unknown> {
  const { theme } = ctx;
  const font = theme.fonts.body;
  const text = theme.colors.text;
  const options: Record<string, unknown> = {
    chartColors: chartColors(chart, theme.colors.chart, theme.colors.highlight, theme.colors.primary),
    showValue: chart.showValues,
    showLegend: chart.showLegend || chart.type === 'pie' || chart.type === 'doughnut',
    legendPos: 'b',
    legendFontFace: font,
    legendFontSize: theme.sizes.small,
    legendColor: text,
    dataLabelFontFace: font,
    dataLabelFontSize: theme.sizes.small,
    dataLabelColor: text,
    catAxisLabelFontFace: font,
    catAxisLabelFontSize: theme.sizes.small + 1,
    catAxisLabelColor: text,
    valAxisLabelFontFace: font,
    valAxisLabelFontSize: theme.sizes.small - 1,
    valAxisLabelColor: theme.colors.muted,
    valGridLine: { color: 'E5E7EB', size: 0.75 },
    catGridLine: { style: 'none' },
    lang: 'ar-SA',
    altText: chart.alt,
  };
  // Labels show the values' decimals (pptxgenjs's default, #,##0, rounds 97.5 to 98); the scale
  // keeps whole numbers unless the values are small. Arabic-Indic digits come from the locale code.
  const decimals = chartDecimals(chart);
  const largest = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => Math.abs(v))));
  // (one decimal at least, the others only where a value has them: 97.5 · 80.0 · 12.25)
  const format = (places: number) => `${theme.digits === 'arabic-indic' ? '[$-2000401]' : ''}#,##0${places ? `.0${'#'.repeat(places - 1)}` : ''}`;
  if (theme.digits === 'arabic-indic' || decimals > 0) {
    options.dataLabelFormatCode = format(decimals);
    options.valAxisLabelFormatCode = format(largest < 10 ? decimals : 0);
  }
  switch (chart.type) {
    case 'bar':
      Object.assign(options, { barDir: 'bar', barGapWidthPct: 45, dataLabelPosition: 'outEnd', ...rtlChartAxes('bar') });
      // Each bar carries its value: a scale and its gridlines would repeat it, and take from the
      // bars the height their category labels need (LibreOffice drops every other label).
      // Without values, the scale stays, above the bars, where horizontal bars commonly have it.
      if (chart.showValues) Object.assign(options, { valAxisHidden: true, valGridLine: { style: 'none' } });
      break;
    case 'column':
      Object.assign(options, { barDir: 'col', barGapWidthPct: 40, dataLabelPosition: 'outEnd', ...rtlChartAxes('column') });
      break;
    case 'stacked-column':
      Object.assign(options, { barDir: 'col', barGrouping: 'stacked', barGapWidthPct: 40, ...rtlChartAxes('column') });
      break;
    case 'line':
      Object.assign(options, { lineDataSymbol: 'circle', lineDataSymbolSize: 7, dataLabelPosition: 't', ...rtlChartAxes('line') });
      break;
    case 'pie':
    case 'doughnut':
      Object.assign(options, { holeSize: 55, showPercent: false, dataLabelPosition: chart.type === 'pie' ? 'bestFit' : undefined, dataLabelColor: 'FFFFFF' });
      break;
  }
  return options;
}

/** The width, in inches, of the commentary beside a chart (on the right, where reading starts). */
const COMMENTARY_W = 4.2;

/** Where a chart slide puts its chart and, when it has them, the bullets beside it. */
function chartLayout(spec: ChartSlide): { chart: Box; bullets?: Box } {
  const box = bodyBox(Boolean(spec.chart.note || spec.source));
  if (!spec.bullets?.length) return { chart: box };
  return { chart: { ...box, w: box.w - COMMENTARY_W - 0.3 }, bullets: { x: BODY.x + BODY.w - COMMENTARY_W, y: box.y, w: COMMENTARY_W, h: box.h } };
}

/** The line under a chart: its note and the slide's source. */
const noteOf = (spec: ChartSlide) => [spec.chart.note, spec.source].filter(Boolean).join(' — ');

export function renderChart(slide: PptxSlide, spec: ChartSlide, ctx: RenderContext): void {
  const { theme } = ctx;
  addTitle(slide, spec.title, ctx);
  const layout = chartLayout(spec);
  // Commentary on the right (where reading starts), the chart on the left.
  if (spec.bullets?.length && layout.bullets) addBullets(slide, spec.bullets, layout.bullets, theme, theme.sizes.body - 2);
  const data = spec.chart.series.map((s) => ({ name: s.name, labels: [...spec.chart.categories], values: [...s.values] }));
  const type = TYPES[spec.chart.type] as ChartName;
  slide.addChart(type, data, { ...layout.chart, ...chartOptions(spec.chart, ctx) } as ChartOptions);
  const note = noteOf(spec);
  if (note) addNote(slide, note, theme);
}

/** The texts of a chart slide as renderChart places them: its title, the bullets beside the chart, the line under it (for MJZ174; the chart's own text is the viewer's to lay out). */
export function chartTexts(spec: ChartSlide, ctx: Pick<RenderContext, 'theme' | 'logo'>): PlacedText[] {
  const { theme } = ctx;
  const layout = chartLayout(spec);
  const texts = [titleText(spec.title, ctx)];
  if (spec.bullets?.length && layout.bullets) texts.push(bulletsText(spec.bullets, layout.bullets, theme, ['bullets'], theme.sizes.body - 2));
  const note = noteOf(spec);
  if (note) texts.push(noteText(note, theme, spec.chart.note ? ['chart', 'note'] : ['source'], spec.chart.note && spec.source ? "chart's note and source line" : spec.chart.note ? "chart's note" : 'source line'));
  return texts;
}
