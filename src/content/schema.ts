import { z } from 'zod';
import { codePoint } from '../diagnostics/diagnostic.js';
import { listed } from '../diagnostics/schema.js';
import { westernFigures } from '../format/arabic.js';

/**
 * The schemas of the content files: the single source of truth for their shape.
 * TypeScript types are inferred from them.
 */
const text = z.string().trim().min(1, 'must not be empty');

/** Invisible characters that come with an address copied from Arabic text, by name. */
const INVISIBLE: Record<string, string> = {
  '\u00AD': 'SOFT HYPHEN',
  '\u061C': 'ARABIC LETTER MARK',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\uFEFF': 'BYTE ORDER MARK',
};

/** What is wrong with a web address, with how to fix it; undefined for a whole http or https address. */
function webAddressProblem(value: string): { message: string; hint: string } | undefined {
  const asShown = 'Write it as the browser shows it, e.g. "https://www.example.org/page".';
  const invisible = /[\p{Cf}\p{Cc}]/u.exec(value);
  if (invisible) {
    const ch = invisible[0];
    const name = INVISIBLE[ch] ?? (/\p{Cc}/u.test(ch) ? 'a control character' : 'an invisible formatting character');
    return {
      message: `the address holds an invisible character, ${name} (${codePoint(ch)}), ${invisible.index === 0 ? 'at its start' : `after "${value.slice(Math.max(0, invisible.index - 20), invisible.index)}"`}`,
      hint: 'Delete it (it comes with text copied from an Arabic page): retype the address, or copy it from the browser\'s address bar.',
    };
  }
  if (/\s/.test(value)) return { message: 'the address holds a space', hint: 'Write a space in an address as %20, or copy the address from the browser\'s address bar.' };
  if (!/^https?:\/\/[^/?#]/i.test(value)) return { message: 'must be a whole web address, starting with https:// or http://', hint: asShown };
  if (!URL.canParse(value)) return { message: 'is not a web address a browser can open (check its host name and port)', hint: asShown };
  return undefined;
}

/** A web page's address, as a sources slide links it: a whole http or https address (editors see it as a URI in the JSON schemas). */
export const webAddress = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = webAddressProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { hint: problem.hint } });
  })
  .meta({ format: 'uri' });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');
/** A real calendar day: 2025-11-31 and 2025-13-03 are refused here, not discovered later. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
/**
 * A date written `pattern`, that is a day (or month) of the calendar: one message, whichever is
 * wrong (zod runs the refinement even when the pattern fails; it says nothing then).
 */
export function calendarDate(pattern: RegExp, format: string) {
  return z
    .string()
    .regex(pattern, `write the date as ${format}`)
    .refine((d) => !pattern.test(d) || /^\d{4}$/.test(d) || isCalendarDate(d), 'is not a date of the calendar (check the month and the day)');
}
const isoDate = calendarDate(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const PointSchema = z.strictObject({
  text,
  basis: listed(z.array(text).min(1), { one: 'basis sentence', many: 'basis sentences', holder: 'a point, which rests on the article,', tooFew: 'Copy under basis: the sentence of the article the point rests on, word for word.' }),
});

export const PartSchema = z.strictObject({
  id,
  heading: text,
  short: text,
  /** At most a slide's bullets: a part with more would fail in every template that shows it on one slide. */
  points: listed(z.array(PointSchema).min(1).max(8), {
    one: 'point',
    many: 'points',
    holder: 'a part (the bullets of one slide)',
    tooMany: 'Split the part into two parts, or condense its points.',
    tooFew: 'Give the part at least one point, with its basis.',
  }),
  notes: text,
});

export const TableSchema = z.strictObject({
  title: text,
  /** Column headings in reading order (the first is drawn on the right). */
  columns: listed(z.array(text).min(1), { one: 'column', many: 'columns', holder: 'a table', tooFew: 'Give the table its column headings under columns:.' }),
  rows: z.array(
    z.strictObject({
      cells: listed(z.array(text).min(1), { one: 'cell', many: 'cells', holder: 'a row', tooFew: 'Give the row a cell for each column of the table.' }),
      basis: listed(z.array(text).min(1), { one: 'basis sentence', many: 'basis sentences', holder: 'a row, which rests on the article,', tooFew: 'Copy under basis: the sentence of the article the row rests on, word for word.' }),
    }),
  ),
});

export const ArticleFileSchema = z.strictObject({
  article: z.strictObject({
    title: text,
    subtitle: text.optional(),
    date: isoDate,
    source: text,
    /** The article's full text, relative to content/: basis quotes are checked against it. */
    text: text.optional(),
  }),
  parts: listed(z.array(PartSchema).min(1), { one: 'part', many: 'parts', holder: 'an outline', tooFew: 'Describe the article under parts:, one entry for each claim it makes (the authors\' guide, section 2).' }),
  /** Tables that summarise the argument, by id. */
  tables: z.record(id, TableSchema).optional(),
  /** Named lists of key messages drawn from the article (a bottom line, what to watch), by id. */
  highlights: z.record(id, listed(z.array(PointSchema).min(1), { one: 'point', many: 'points', holder: 'a highlight list', tooFew: 'Give the list its points (text and basis), or remove it.' })).optional(),
});

export const SourceSchema = z.strictObject({
  id: text,
  title: text,
  kind: z.enum(['article', 'dataset', 'report', 'web']).default('web'),
  /** Printed with the month names the article uses: a day, a month or a year of the calendar. */
  date: calendarDate(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'YYYY-MM-DD, YYYY-MM or YYYY').optional(),
  url: webAddress.optional(),
  file: z.string().optional(),
  note: z.string().optional(),
});

export const SourcesFileSchema = z.strictObject({ sources: listed(z.array(SourceSchema).min(1), { one: 'source', many: 'sources', holder: 'the sources file', tooFew: 'List the sources the deck cites, the article first (- id: A1, kind: article, title: …).' }) });

const factKey = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'use dotted lowercase keys, each part starting with a letter (a–z, then a–z, 0–9 or _), e.g. coalition.members or series.y2019');

export const StatedSchema = z.strictObject({
  value: z.union([z.number(), z.string()]),
  /** The id of the source that states it (a figure without one is a warning). */
  source: text.optional(),
  quote: text.optional(),
});

export const FactSchema = z
  .strictObject({
    label: text,
    /** How the value prints: a number, a year, a month (YYYY-MM), or text. */
    type: z.enum(['number', 'year', 'month', 'text']).default('number'),
    /** A figure computed from the data, e.g. members.total or groups.europe. */
    data: z.string().optional(),
    /** What a source states. For a data fact, it is checked against the data. */
    stated: StatedSchema.optional(),
    /** Shown before the figure where a source says "more than", e.g. أكثر من. */
    qualifier: z.string().optional(),
    /** What the figure counts, shown after it where it stands alone (a callout, a stats card) with unit=true: "%", "مليار يورو". */
    unit: text.optional(),
  })
  .superRefine((fact, ctx) => {
    // The data gives counts (members.total, groups.europe): printed as a year or a month, 85
    // would make no sense, and a month cannot be made of it at all.
    if (fact.data !== undefined && fact.type !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `a fact computed from the data is a count, so its type is number, not ${fact.type} (remove the type line, or the data line)` });
      return;
    }
    // A year or a month must be one, so that it prints: 2014-13 is refused where it is written.
    const value = fact.stated?.value;
    if (value === undefined) return;
    const ok =
      fact.type === 'year' ? Number.isInteger(Number(value)) && Number(value) >= 1000 && Number(value) <= 9999
      : fact.type === 'month' ? typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) && isCalendarDate(value)
      : fact.type === 'number' ? typeof value === 'number'
      : true;
    if (!ok) {
      const expected = { year: 'a year such as 2015', month: 'a month written YYYY-MM, such as "2014-09"', number: 'a number such as 1100', text: '' }[fact.type];
      const hint = fact.type === 'month' ? undefined : figureHint(value);
      ctx.addIssue({ code: 'custom', path: ['stated', 'value'], message: `a ${fact.type} fact needs ${expected}`, ...(hint ? { params: { hint } } : {}) });
    }
  });

/**
 * How to write a figure given as text (for a number or year fact): the digits a reader sees
 * are the theme's business, so a fact holds a plain number in Western digits.
 */
export function figureHint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // Arabic-Indic (٠–٩) or Persian (۰–۹) digits, with their separators (٬ thousands, ٫ decimal)
  const words = 'a word such as «أكثر من» goes on the qualifier line, a unit on the unit line';
  if (/[\u0660-\u0669\u06F0-\u06F9]/.test(text)) {
    const western = westernFigures(text).replace(/[\s\u00A0\u202F]/g, '');
    const figure = /^-?\d+(\.\d+)?$/.test(western) ? western : /-?\d+(\.\d+)?/.exec(western)?.[0];
    const alone = /^-?\d+(\.\d+)?$/.test(western) ? '' : ` alone (${words})`;
    return `Write the figure${alone} in Western digits${figure ? `, value: ${figure}` : ''}: the audience's theme decides how digits are shown on the slides (digits: arabic-indic).`;
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return `Write the number without quotes, value: ${text}: in quotes it is a text.`;
  if (/^-?\d{1,3}([,\u066C\s\u00A0\u202F]\d{3})+(\.\d+)?$/.test(text)) return `Write the number without thousands separators, value: ${text.replace(/[,\u066C\s\u00A0\u202F]/g, '')}: the slides group the digits themselves.`;
  return `Write the figure as a plain number, e.g. value: 1100, without words or units: ${words}.`;
}

export const FactsFileSchema = z.strictObject({
  facts: z.record(factKey, FactSchema),
});

const matchRule = z.strictObject({
  group: z.array(text).optional(),
  kind: z.array(text).optional(),
  iso2: z.array(text).optional(),
  not_iso2: z.array(text).optional(),
});

export const GroupingsFileSchema = z.strictObject({
  composition: z.strictObject({
    note: text,
    groups: z.array(
      z.strictObject({
        id,
        label: text,
        match: listed(z.array(matchRule).min(1), { one: 'rule', many: 'rules', holder: 'a group', tooFew: 'Give the group its match rules (by group, kind or iso2), or remove it.' }),
      }),
    ),
    unidentified_label: text,
  }),
});

/** The coalition dataset (content/data/coalition-members.yaml), as far as mujaz reads it. */
const memberSchema = z.looseObject({
  en: text,
  ar: text,
  iso2: z.string().nullable(),
  kind: text,
  group: text,
  subregion: z.string().nullable().optional(),
  joined: z.union([z.string(), z.number()]).nullable().optional(),
  sources: listed(z.array(text).min(1), { one: 'source', many: 'sources', holder: 'a member', tooFew: 'Give the member the id of a source of the dataset that names it.' }),
});

export const DatasetSchema = z.looseObject({
  meta: z.looseObject({ title: text }),
  sources: z.array(z.looseObject({ id: text, title: text, url: webAddress.optional(), date: z.union([z.string(), z.number()]).optional() })),
  members: z.array(memberSchema),
  unidentified_members: z.array(z.looseObject({ slot: text, window: z.string().optional() })),
  after_article: z.array(memberSchema).optional(),
  counts_by_year: z.array(
    z.looseObject({ date: z.union([z.string(), z.number()]), members: z.number().int(), note: z.string().optional(), source: text }),
  ),
});

export type Point = z.infer<typeof PointSchema>;
export type Part = z.infer<typeof PartSchema>;
export type Table = z.infer<typeof TableSchema>;
export type ArticleFile = z.infer<typeof ArticleFileSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type FactsFile = z.infer<typeof FactsFileSchema>;
export type GroupingsFile = z.infer<typeof GroupingsFileSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type Member = z.infer<typeof memberSchema>;
