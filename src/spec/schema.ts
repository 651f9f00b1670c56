import { z } from 'zod';
import { calendarDate, webAddress } from '../content/schema.js';
import { listed } from '../diagnostics/schema.js';

/**
 * The deck spec: the contract between templates and rendering. Templates produce it as YAML;
 * the renderer accepts nothing else. One schema, types inferred from it.
 */
const text = z.string().trim().min(1, 'must not be empty');

/** "1 cell", "3 cells". */
const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const BulletSchema = z.union([
  text,
  z.strictObject({ text, level: z.number().int().min(0).max(2).default(0) }),
]);

const base = {
  /** The slide title: the slide's title placeholder. */
  title: text,
  /** The PowerPoint section this slide belongs to. */
  section: text.optional(),
  /** Speaker notes. */
  notes: z.string().optional(),
  /** A small source line under the content. */
  source: z.string().optional(),
};

export const TitleSlideSchema = z.strictObject({
  kind: z.literal('title'),
  ...base,
  subtitle: z.string().optional(),
  date: z.string().optional(),
  byline: z.string().optional(),
});

export const AgendaSlideSchema = z.strictObject({
  kind: z.literal('agenda'),
  ...base,
  items: listed(z.array(text).min(1).max(12), {
    one: 'agenda item',
    many: 'agenda items',
    holder: 'an agenda slide',
    tooMany: 'Split the items over two agenda slides, or list fewer: the parts the deck shows, by their short titles.',
    tooFew: 'List the parts the deck goes through under items:, or remove the agenda slide.',
  }),
});

export const BulletsSlideSchema = z.strictObject({
  kind: z.literal('bullets'),
  ...base,
  bullets: listed(z.array(BulletSchema).min(1).max(8), {
    one: 'bullet',
    many: 'bullets',
    holder: 'a slide',
    tooMany: 'Split them over two slides (two bullets slides; for a part of the outline, make it two parts, or show its first points with {{> part-points (part "…") first=4}}), or condense them.',
    tooFew: 'Give the slide at least one bullet, or remove it.',
  }),
  /** An optional highlighted figure beside the bullets. */
  callout: z.strictObject({ value: text, label: text }).optional(),
});

export const ChartSeriesSchema = z.strictObject({
  name: text,
  values: z.array(z.number()),
});

export const ChartSchema = z.strictObject({
  type: z.enum(['bar', 'column', 'stacked-column', 'pie', 'doughnut', 'line']),
  categories: listed(z.array(text).min(1), { one: 'category', many: 'categories', holder: 'a chart', tooFew: 'Give the chart its categories: the labels of its bars, columns or slices.' }),
  series: listed(z.array(ChartSeriesSchema).min(1), { one: 'series', many: 'series', holder: 'a chart', tooFew: 'Give the chart a series: - name: "…" with values: [one value per category].' }),
  /** Alternative text: what the chart shows, with its figures. */
  alt: text,
  /** Colours by series (bar/column/line) or by point (pie/doughnut); the theme's by default. */
  colors: z.array(z.string().regex(/^[0-9A-Fa-f]{6}$/)).optional(),
  showValues: z.boolean().default(true),
  /** Draw the last category in the theme's highlight colour (single-series bar and column charts). */
  highlightLast: z.boolean().default(false),
  showLegend: z.boolean().default(false),
  /** A caveat printed under the chart. */
  note: z.string().optional(),
}).superRefine((chart, ctx) => {
  // Every series has one value per category (pptxgenjs would draw a short series silently).
  chart.series.forEach((series, i) => {
    if (series.values.length !== chart.categories.length) {
      const n = series.values.length;
      const m = chart.categories.length;
      ctx.addIssue({
        code: 'custom',
        path: ['series', i, 'values'],
        message: `series "${series.name}" has ${counted(n, 'value')} for ${counted(m, 'category', 'categories')}: a chart needs one value per category`,
        params: { named: true, hint: n < m ? `Give the series a value for every category, in the same order (${m - n} missing); or drop the categories that have none.` : `Remove the ${counted(n - m, 'value')} past the last category, or add the categories they are for.` },
      });
    }
  });
  // A pie or doughnut shows parts of a whole: a negative or missing part has no slice.
  if (chart.type === 'pie' || chart.type === 'doughnut') {
    // (pptxgenjs draws the first series of a pie or a doughnut, and drops the others in silence)
    if (chart.series.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['series', 1],
        message: `a ${chart.type} chart shows one series, and this one is given ${chart.series.length}: the series after the first would not be drawn`,
        params: { named: true, hint: `Give the ${chart.type} one series; to compare several, use a column or bar chart (type: column), whose series stand side by side.` },
      });
    }
    chart.series.forEach((series, i) =>
      series.values.forEach((value, v) => {
        if (value < 0) ctx.addIssue({ code: 'custom', path: ['series', i, 'values', v], message: `a ${chart.type} chart shows parts of a whole: ${value} is negative`, params: { hint: 'Use a bar or column chart for values below zero, or correct the value.' } });
      }),
    );
    if (chart.series.every((series) => series.values.every((value) => value === 0))) {
      ctx.addIssue({ code: 'custom', path: ['series'], message: `every value of this ${chart.type} chart is 0: there is no whole to divide`, params: { hint: 'Check the values the chart is given; a chart of nothing but zeros is better left out.' } });
    }
  }
});

export const ChartSlideSchema = z.strictObject({
  kind: z.literal('chart'),
  ...base,
  chart: ChartSchema,
  /** Optional commentary beside the chart. */
  bullets: listed(z.array(BulletSchema).max(5), {
    one: 'bullet',
    many: 'bullets',
    holder: 'a chart slide, beside its chart,',
    tooMany: 'Keep the 5 that say most beside the chart; move the others into the notes, or onto a bullets slide of their own.',
  }).optional(),
});

export const StatsSlideSchema = z.strictObject({
  kind: z.literal('stats'),
  ...base,
  stats: listed(z.array(z.strictObject({ value: text, label: text })).min(1).max(4), {
    one: 'stat',
    many: 'stats',
    holder: 'a stats slide',
    tooMany: 'Keep the 4 figures that matter most; show the others on a second stats slide, or in the bullets under the cards.',
    tooFew: 'Give the slide at least one card (- value: "…", label: "…"), or make it a bullets slide.',
  }),
  bullets: listed(z.array(BulletSchema).max(5), {
    one: 'bullet',
    many: 'bullets',
    holder: 'a stats slide, under its cards,',
    tooMany: 'Keep the 5 that say most under the cards; move the others into the notes, or onto a bullets slide of their own.',
  }).optional(),
});

export const TableSlideSchema = z.strictObject({
  kind: z.literal('table'),
  ...base,
  /** Column headings in reading order: the first is the rightmost. */
  columns: listed(z.array(text).min(1).max(6), {
    one: 'column',
    many: 'columns',
    holder: 'a table',
    tooMany: 'Merge columns, or split the table into two tables that repeat its first column.',
    tooFew: 'Give the table its column headings under columns:.',
  }),
  rows: listed(z.array(z.array(z.string())).min(1).max(10), {
    one: 'row',
    many: 'rows',
    holder: 'a table',
    tooMany: 'Split the rows over two table slides with the same columns (in a template, {{#each (chunk rows 5)}} around the slide: inside it, rows: {{json this}}, and the table\'s other fields through ../, title: "{{../title}}", columns: {{json ../columns}}).',
    tooFew: 'Give the table at least one row, or remove the slide.',
  }),
  /** Relative column widths, in reading order. */
  widths: z.array(z.number().positive()).optional(),
}).superRefine((table, ctx) => {
  // Every row fills every column: a short or long row makes a table PowerPoint repairs.
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      const n = row.length;
      const m = table.columns.length;
      ctx.addIssue({
        code: 'custom',
        path: ['rows', i],
        message: `row ${i + 1} has ${counted(n, 'cell')} for ${counted(m, 'column')}`,
        params: { named: true, hint: n < m ? `Give the row a cell for every column, in the columns' order (${m - n} missing; an empty one is "").` : `Remove the ${counted(n - m, 'cell')} past the last column, or add a column for ${n - m === 1 ? 'it' : 'them'} under columns:.` },
      });
    }
  });
  if (table.widths && table.widths.length !== table.columns.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['widths'],
      message: `the table has ${counted(table.widths.length, 'width')} for ${counted(table.columns.length, 'column')}`,
      params: { named: true, hint: `Give one width for each column, in the columns' order (relative: [2, 1, 1] makes the first twice as wide as the others), or leave widths out for columns of equal width.` },
    });
  }
});

/** One entry of a sources slide: a text, or its text and the address it links to (`url`, when the source has one). */
export const SourceItemSchema = z.union([text, z.strictObject({ text, url: webAddress.optional() })]);
export type SourceItem = z.infer<typeof SourceItemSchema>;
/** The text of a sources slide's entry, whichever way it is written. */
export const sourceItemText = (item: SourceItem): string => (typeof item === 'string' ? item : item.text);

export const SourcesSlideSchema = z.strictObject({
  kind: z.literal('sources'),
  ...base,
  items: listed(z.array(SourceItemSchema).min(1), { one: 'entry', many: 'entries', holder: 'a sources slide', tooFew: 'List its sources under items:, or remove the slide.' }),
  columns: z.number().int().min(1).max(2).default(1),
});

export const SlideSchema = z.discriminatedUnion('kind', [
  TitleSlideSchema,
  AgendaSlideSchema,
  BulletsSlideSchema,
  ChartSlideSchema,
  StatsSlideSchema,
  TableSlideSchema,
  SourcesSlideSchema,
]);

export const DeckSpecSchema = z.strictObject({
  deck: z.strictObject({
    title: text,
    /** The file's properties, which PowerPoint shows in File > Info: its subject, author (default mujaz) and company (default none). */
    subject: z.string().optional(),
    author: z.string().optional(),
    company: z.string().optional(),
    /** The footer of every content slide: source and date. */
    footer: z.string().optional(),
    /** ISO date of the deck, written into the package metadata. */
    date: calendarDate(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  }),
  slides: listed(z.array(SlideSchema).min(1), { one: 'slide', many: 'slides', holder: 'a deck', tooFew: 'Give the deck its slides under slides:, e.g. {{> title-slide}}.' }),
});

export type DeckSpec = z.infer<typeof DeckSpecSchema>;
export type Slide = z.infer<typeof SlideSchema>;
export type SlideKind = Slide['kind'];
export type Bullet = z.infer<typeof BulletSchema>;
export type Chart = z.infer<typeof ChartSchema>;
