import { z } from 'zod';
import { calendarDate, webAddress } from '../content/schema.js';

/**
 * The deck spec: the contract between templates and rendering. Templates produce it as YAML;
 * the renderer accepts nothing else. One schema, types inferred from it.
 */
const text = z.string().trim().min(1, 'must not be empty');

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
  items: z.array(text).min(1).max(12),
});

export const BulletsSlideSchema = z.strictObject({
  kind: z.literal('bullets'),
  ...base,
  bullets: z.array(BulletSchema).min(1).max(8),
  /** An optional highlighted figure beside the bullets. */
  callout: z.strictObject({ value: text, label: text }).optional(),
});

export const ChartSeriesSchema = z.strictObject({
  name: text,
  values: z.array(z.number()),
});

export const ChartSchema = z.strictObject({
  type: z.enum(['bar', 'column', 'stacked-column', 'pie', 'doughnut', 'line']),
  categories: z.array(text).min(1),
  series: z.array(ChartSeriesSchema).min(1),
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
      ctx.addIssue({ code: 'custom', path: ['series', i, 'values'], message: `series "${series.name}" has ${series.values.length} values for ${chart.categories.length} categories` });
    }
  });
  // A pie or doughnut shows parts of a whole: a negative or missing part has no slice.
  if (chart.type === 'pie' || chart.type === 'doughnut') {
    chart.series.forEach((series, i) =>
      series.values.forEach((value, v) => {
        if (value < 0) ctx.addIssue({ code: 'custom', path: ['series', i, 'values', v], message: `a ${chart.type} chart shows parts of a whole: ${value} is negative (use a bar or column chart for values below zero)` });
      }),
    );
    if (chart.series.every((series) => series.values.every((value) => value === 0))) {
      ctx.addIssue({ code: 'custom', path: ['series'], message: `every value of this ${chart.type} chart is 0: there is no whole to divide` });
    }
  }
});

export const ChartSlideSchema = z.strictObject({
  kind: z.literal('chart'),
  ...base,
  chart: ChartSchema,
  /** Optional commentary beside the chart. */
  bullets: z.array(BulletSchema).max(5).optional(),
});

export const StatsSlideSchema = z.strictObject({
  kind: z.literal('stats'),
  ...base,
  stats: z.array(z.strictObject({ value: text, label: text })).min(1).max(4),
  bullets: z.array(BulletSchema).max(5).optional(),
});

export const TableSlideSchema = z.strictObject({
  kind: z.literal('table'),
  ...base,
  /** Column headings in reading order: the first is the rightmost. */
  columns: z.array(text).min(1).max(6),
  rows: z.array(z.array(z.string())).min(1).max(10),
  /** Relative column widths, in reading order. */
  widths: z.array(z.number().positive()).optional(),
}).superRefine((table, ctx) => {
  // Every row fills every column: a short or long row makes a table PowerPoint repairs.
  table.rows.forEach((row, i) => {
    if (row.length !== table.columns.length) {
      ctx.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} has ${row.length} cells for ${table.columns.length} columns` });
    }
  });
  if (table.widths && table.widths.length !== table.columns.length) {
    ctx.addIssue({ code: 'custom', path: ['widths'], message: `${table.widths.length} widths for ${table.columns.length} columns` });
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
  items: z.array(SourceItemSchema).min(1),
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
  slides: z.array(SlideSchema).min(1),
});

export type DeckSpec = z.infer<typeof DeckSpecSchema>;
export type Slide = z.infer<typeof SlideSchema>;
export type SlideKind = Slide['kind'];
export type Bullet = z.infer<typeof BulletSchema>;
export type Chart = z.infer<typeof ChartSchema>;
